/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-equal.c: deep comparison of two session documents, for the
 * round-trip tests and the fuzzer's load-save-load check. */
#define G_LOG_DOMAIN "cg-session"
#include "config.h"

#include "cg-session-internal.h"

static gboolean
tables_equal (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer other;

      if (!g_hash_table_lookup_extended (b, key, NULL, &other) || other != value)
        return FALSE;
    }
  return TRUE;
}

static gboolean
partners_equal (const CgPartnerData *a,
                const CgPartnerData *b)
{
  if (a->pub.id != b->pub.id || g_strcmp0 (a->pub.name, b->pub.name) != 0 ||
      g_strcmp0 (a->pub.organisation, b->pub.organisation) != 0 ||
      g_strcmp0 (a->pub.role, b->pub.role) != 0 || g_strcmp0 (a->pub.group, b->pub.group) != 0 ||
      g_ascii_strcasecmp (a->pub.colour, b->pub.colour) != 0 ||
      !tables_equal (a->ratings, b->ratings) || !tables_equal (a->involvement, b->involvement) ||
      !tables_equal (a->believed, b->believed))
    return FALSE;
  for (guint l = 0; l < CG_N_LESSONS; l++)
    if (g_strcmp0 (a->comments[l], b->comments[l]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
items_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const CgItem *x = g_ptr_array_index (a, i);
      const CgItem *y = g_ptr_array_index (b, i);

      if (x->id != y->id || x->kind != y->kind || x->lesson != y->lesson ||
          x->agreed != y->agreed || g_strcmp0 (x->text, y->text) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
tasks_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const CgTask *x = g_ptr_array_index (a, i);
      const CgTask *y = g_ptr_array_index (b, i);

      if (x->id != y->id || x->charter_accountable != y->charter_accountable ||
          g_strcmp0 (x->text, y->text) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
lessons_equal (CgSession *a,
               CgSession *b)
{
  for (guint l = 0; l < CG_N_LESSONS; l++)
    if (g_strcmp0 (a->lesson_intro[l], b->lesson_intro[l]) != 0 ||
        !g_strv_equal ((const char *const *) a->lesson_prompts[l],
                       (const char *const *) b->lesson_prompts[l]) ||
        !items_equal (a->statements[l], b->statements[l]))
      return FALSE;
  return TRUE;
}

gboolean
cg_session_equal (CgSession *a,
                  CgSession *b)
{
  g_return_val_if_fail (CG_IS_SESSION (a), FALSE);
  g_return_val_if_fail (CG_IS_SESSION (b), FALSE);

  if (a->next_id != b->next_id || a->answers_hidden != b->answers_hidden ||
      a->current_stage != b->current_stage || a->partners->len != b->partners->len ||
      !cg_baseline_equal (a->baseline, b->baseline))
    return FALSE;
  for (guint i = 0; i < CG_N_DETAILS; i++)
    if (g_strcmp0 (a->details[i], b->details[i]) != 0)
      return FALSE;
  for (guint i = 0; i < CG_N_STAGES; i++)
    if (a->revealed[i] != b->revealed[i])
      return FALSE;
  for (guint i = 0; i < CG_N_CHARTER_FIELDS; i++)
    if (g_strcmp0 (a->charter[i], b->charter[i]) != 0)
      return FALSE;
  for (guint i = 0; i < a->partners->len; i++)
    if (!partners_equal (g_ptr_array_index (a->partners, i), g_ptr_array_index (b->partners, i)))
      return FALSE;
  return lessons_equal (a, b) && items_equal (a->aims, b->aims) &&
         tasks_equal (a->tasks, b->tasks) &&
         g_strv_equal ((const char *const *) a->role_suggestions,
                       (const char *const *) b->role_suggestions);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-compare.c: since last time (see cg-compare.h for the rules). */
#define G_LOG_DOMAIN "cg-compare"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-compare.h"
#include "cg-session-private.h"

#define INDICATIVE_BELOW 5
/* Consensus is a double from sums of logarithms: 0.10 must count as 0.10. */
#define EPSILON 1e-9

const char *
cg_movement_to_string (CgMovement movement)
{
  switch (movement)
    {
    case CG_MOVEMENT_UNCHANGED: return "unchanged";
    case CG_MOVEMENT_TOWARDS_AGREEMENT: return "towards-agreement";
    case CG_MOVEMENT_APART: return "apart";
    case CG_MOVEMENT_UNKNOWN:
    default: return NULL;
    }
}

const char *
cg_movement_to_label (CgMovement movement)
{
  switch (movement)
    {
    case CG_MOVEMENT_UNCHANGED: return _("Unchanged");
    case CG_MOVEMENT_TOWARDS_AGREEMENT: return _("Moved towards agreement");
    case CG_MOVEMENT_APART: return _("Moved apart");
    case CG_MOVEMENT_UNKNOWN:
    default: return _("Not enough answers to tell");
    }
}

const char *
cg_match_to_string (CgMatch match)
{
  return match == CG_MATCH_ID ? "id" : "text";
}

const char *
cg_task_flag_to_string (CgTaskFlags flag)
{
  switch (flag)
    {
    case CG_TASK_FLAG_GAP: return "gap";
    case CG_TASK_FLAG_OVERLAP: return "overlap";
    case CG_TASK_FLAG_NO_DOER: return "no-doer";
    case CG_TASK_FLAG_MISMATCH: return "mismatch";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
cg_task_flag_to_label (CgTaskFlags flag)
{
  switch (flag)
    {
    case CG_TASK_FLAG_GAP: return _("Gap");
    case CG_TASK_FLAG_OVERLAP: return _("Overlap");
    case CG_TASK_FLAG_NO_DOER: return _("No doer");
    case CG_TASK_FLAG_MISMATCH: return _("Mismatch");
    default: g_return_val_if_reached (NULL);
    }
}

guint
cg_task_stats_flags (const CgTaskStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);
  return (stats->gap ? CG_TASK_FLAG_GAP : 0) | (stats->overlap ? CG_TASK_FLAG_OVERLAP : 0) |
         (stats->no_doer ? CG_TASK_FLAG_NO_DOER : 0) |
         (stats->mismatch ? CG_TASK_FLAG_MISMATCH : 0);
}

char *
cg_compare_normalise (const char *text)
{
  g_autofree char *norm = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (norm != NULL ? norm : "", -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* Freeing ------------------------------------------------------------------------ */

static void
item_change_free (CgItemChange *c)
{
  g_free (c->text);
  g_free (c);
}

static void
task_change_free (CgTaskChange *c)
{
  g_free (c->text);
  g_free (c);
}

static void
partner_change_free (CgPartnerChange *c)
{
  g_free (c->name);
  g_free (c);
}

static void
unmatched_free (CgUnmatched *u)
{
  g_free (u->text);
  g_free (u);
}

void
cg_comparison_free (CgComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->before_title);
  g_free (comparison->before_date);
  g_free (comparison->after_title);
  g_free (comparison->after_date);
  g_ptr_array_unref (comparison->items);
  g_ptr_array_unref (comparison->tasks);
  g_ptr_array_unref (comparison->partners);
  g_ptr_array_unref (comparison->unmatched_items);
  g_ptr_array_unref (comparison->unmatched_tasks);
  g_ptr_array_unref (comparison->unmatched_partners);
  g_free (comparison);
}

/* Entities as matching sees them ---------------------------------------------------- */

typedef struct
{
  guint id;
  char prefix;      /* s, a, t, p */
  const char *text; /* borrowed */
  char *key;        /* normalised text */
  gpointer match;   /* the Entity matched on the other side, or NULL */
  CgMatch how;
} Entity;

static void
entity_clear (gpointer data)
{
  g_free (((Entity *) data)->key);
}

static GArray *
entities_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (Entity));

  g_array_set_clear_func (a, entity_clear);
  return a;
}

static void
entities_add (GArray     *a,
              guint       id,
              char        prefix,
              const char *text)
{
  Entity e = { id, prefix, text, cg_compare_normalise (text), NULL, CG_MATCH_ID };

  g_array_append_val (a, e);
}

static GArray *
collect_items (CgSession *s)
{
  GArray *a = entities_new ();

  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < cg_session_get_n_statements (s, l); i++)
      {
        const CgItem *item = cg_session_get_statement (s, l, i);

        entities_add (a, item->id, 's', item->text);
      }
  for (guint i = 0; i < cg_session_get_n_aims (s); i++)
    {
      const CgItem *aim = cg_session_get_aim (s, i);

      entities_add (a, aim->id, 'a', aim->text);
    }
  return a;
}

static GArray *
collect_tasks (CgSession *s)
{
  GArray *a = entities_new ();

  for (guint i = 0; i < cg_session_get_n_tasks (s); i++)
    {
      const CgTask *task = cg_session_get_task (s, i);

      entities_add (a, task->id, 't', task->text);
    }
  return a;
}

static GArray *
collect_partners (CgSession *s)
{
  GArray *a = entities_new ();

  for (guint i = 0; i < cg_session_get_n_partners (s); i++)
    {
      const CgPartner *p = cg_session_get_partner (s, i);

      entities_add (a, p->id, 'p', p->name);
    }
  return a;
}

static void
link_entities (Entity *a,
               Entity *b,
               CgMatch how)
{
  a->match = b;
  b->match = a;
  a->how = b->how = how;
}

/* By id (when related), then by text among what is left; an empty text
 * matches nothing. */
static void
match_entities (GArray  *before,
                GArray  *after,
                gboolean by_id)
{
  for (guint pass = by_id ? 0 : 1; pass < 2; pass++)
    for (guint i = 0; i < after->len; i++)
      {
        Entity *a = &g_array_index (after, Entity, i);

        for (guint j = 0; a->match == NULL && j < before->len; j++)
          {
            Entity *b = &g_array_index (before, Entity, j);

            if (b->match != NULL || b->prefix != a->prefix)
              continue;
            if (pass == 0 ? b->id == a->id : (a->key[0] != '\0' && g_strcmp0 (a->key, b->key) == 0))
              link_entities (a, b, pass == 0 ? CG_MATCH_ID : CG_MATCH_TEXT);
          }
      }
}

static void
add_unmatched (GPtrArray *out,
               GArray    *entities,
               gboolean   in_before)
{
  for (guint i = 0; i < entities->len; i++)
    {
      Entity *e = &g_array_index (entities, Entity, i);
      CgUnmatched *u;

      if (e->match != NULL)
        continue;
      u = g_new0 (CgUnmatched, 1);
      u->in_before = in_before;
      u->id = e->id;
      u->prefix = e->prefix;
      u->text = g_strdup (e->text);
      g_ptr_array_add (out, u);
    }
}

/* Relation --------------------------------------------------------------------------- */

static char
prefix_of_id (CgSession *s,
              guint      id)
{
  const CgItem *item = cg_session_lookup_item (s, id);

  if (item != NULL)
    return item->kind == CG_ITEM_AIM ? 'a' : 's';
  if (cg_session_lookup_task (s, id) != NULL)
    return 't';
  if (cg_session_lookup_partner (s, id) != NULL)
    return 'p';
  return '\0';
}

static gboolean
ids_agree (CgSession *before,
           CgSession *after,
           GArray    *b_items,
           GArray    *b_tasks,
           guint      n_after)
{
  guint shared = 0;

  for (guint k = 0; k < 2; k++)
    {
      GArray *list = k == 0 ? b_items : b_tasks;

      for (guint i = 0; i < list->len; i++)
        {
          const Entity *e = &g_array_index (list, Entity, i);
          char other = prefix_of_id (after, e->id);

          if (other != '\0' && other != e->prefix)
            return FALSE;
          shared += other != '\0';
        }
    }
  return shared > 0 && 2 * shared >= MIN (b_items->len + b_tasks->len, n_after);
}

static void
check_baseline (CgComparison *c,
                CgSession    *after,
                GBytes       *before_bytes)
{
  const CgBaseline *baseline = cg_session_get_baseline (after);
  g_autofree char *digest = NULL;

  if (baseline == NULL)
    c->baseline_check = CG_BASELINE_NONE;
  else if (before_bytes == NULL)
    c->baseline_check = CG_BASELINE_UNCHECKED;
  else
    {
      digest = cg_sha256_hex (before_bytes);
      c->baseline_check =
        g_strcmp0 (digest, baseline->sha256) == 0 ? CG_BASELINE_MATCHES : CG_BASELINE_DIFFERS;
    }
}

/* Items -------------------------------------------------------------------------------- */

static void
side_stats (CgSideStats *side,
            CgSession   *s,
            guint        id)
{
  g_autoptr (CgItemStats) st = cg_analysis_item (s, id);

  side->n = st->n;
  side->level = st->level;
  side->mean = st->n >= 2 ? st->mean : NAN;
  side->consensus = st->n >= 2 ? st->consensus : NAN;
}

static CgMovement
movement_for (double delta_consensus)
{
  if (isnan (delta_consensus))
    return CG_MOVEMENT_UNKNOWN;
  if (delta_consensus >= CG_MOVEMENT_THRESHOLD - EPSILON)
    return CG_MOVEMENT_TOWARDS_AGREEMENT;
  if (delta_consensus <= -CG_MOVEMENT_THRESHOLD + EPSILON)
    return CG_MOVEMENT_APART;
  return CG_MOVEMENT_UNCHANGED;
}

static CgItemChange *
item_change_new (CgSession    *before,
                 CgSession    *after,
                 const Entity *a)
{
  const Entity *b = a->match;
  const CgItem *item = cg_session_lookup_item (after, a->id);
  CgItemChange *c = g_new0 (CgItemChange, 1);

  c->before_id = b->id;
  c->after_id = a->id;
  c->kind = item->kind;
  c->lesson = item->lesson;
  c->text = g_strdup (item->text);
  c->match = a->how;
  side_stats (&c->before, before, b->id);
  side_stats (&c->after, after, a->id);
  c->delta_mean = c->after.mean - c->before.mean;
  c->delta_consensus = c->after.consensus - c->before.consensus;
  c->movement = movement_for (c->delta_consensus);
  c->indicative = c->before.n < INDICATIVE_BELOW || c->after.n < INDICATIVE_BELOW;
  return c;
}

/* Lessons ------------------------------------------------------------------------------ */

static double
mean_consensus (CgSession *s,
                guint      lesson)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < cg_session_get_n_statements (s, lesson); i++)
    {
      g_autoptr (CgItemStats) st =
        cg_analysis_item (s, cg_session_get_statement (s, lesson, i)->id);

      if (st->n >= 2)
        {
          sum += st->consensus;
          n++;
        }
    }
  return n > 0 ? sum / n : NAN;
}

static void
compare_lessons (CgComparison *c,
                 CgSession    *before,
                 CgSession    *after)
{
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      g_autoptr (CgLessonStats) b = cg_analysis_lesson (before, l);
      g_autoptr (CgLessonStats) a = cg_analysis_lesson (after, l);

      c->lessons[l].before_mean = b->group_mean;
      c->lessons[l].after_mean = a->group_mean;
      c->lessons[l].before_consensus = mean_consensus (before, l);
      c->lessons[l].after_consensus = mean_consensus (after, l);
    }
}

/* Tasks -------------------------------------------------------------------------------- */

static guint
task_flags (CgSession *s,
            guint      id,
            gboolean  *answered)
{
  g_autoptr (CgTaskStats) st = cg_analysis_task (s, id);

  *answered = st->n_answered > 0;
  return *answered ? cg_task_stats_flags (st) : 0;
}

static CgTaskChange *
task_change_new (CgSession    *before,
                 CgSession    *after,
                 const Entity *a)
{
  const Entity *b = a->match;
  CgTaskChange *c = g_new0 (CgTaskChange, 1);

  c->before_id = b->id;
  c->after_id = a->id;
  c->text = g_strdup (a->text);
  c->match = a->how;
  c->before_flags = task_flags (before, b->id, &c->before_answered);
  c->after_flags = task_flags (after, a->id, &c->after_answered);
  if (c->before_answered && c->after_answered)
    {
      c->resolved = c->before_flags & ~c->after_flags;
      c->new_flags = c->after_flags & ~c->before_flags;
      c->still_open = c->before_flags & c->after_flags;
    }
  return c;
}

/* Partners ----------------------------------------------------------------------------- */

static gboolean
is_value (CgRating r)
{
  return r >= CG_RATING_1 && r <= CG_RATING_5;
}

static CgPartnerChange *
partner_change_new (CgComparison *c,
                    CgSession    *before,
                    CgSession    *after,
                    const Entity *a)
{
  const Entity *b = a->match;
  CgPartnerChange *pc = g_new0 (CgPartnerChange, 1);
  guint sum = 0;

  pc->before_id = b->id;
  pc->after_id = a->id;
  pc->name = g_strdup (a->text);
  pc->match = a->how;
  for (guint i = 0; i < c->items->len; i++)
    {
      const CgItemChange *ic = g_ptr_array_index (c->items, i);
      CgRating rb = cg_session_get_rating (before, b->id, ic->before_id);
      CgRating ra = cg_session_get_rating (after, a->id, ic->after_id);

      if (!is_value (rb) || !is_value (ra))
        continue;
      pc->n_compared++;
      pc->n_changed += ra != rb;
      sum += (guint) ABS ((int) ra - (int) rb);
    }
  pc->mean_abs_change = pc->n_compared > 0 ? (double) sum / pc->n_compared : NAN;
  return pc;
}

/* The comparison --------------------------------------------------------------------- */

static CgComparison *
comparison_new (CgSession *before,
                CgSession *after)
{
  CgComparison *c = g_new0 (CgComparison, 1);

  c->before_title = g_strdup (cg_session_get_detail (before, CG_DETAIL_TITLE));
  c->before_date = g_strdup (cg_session_get_detail (before, CG_DETAIL_DATE));
  c->after_title = g_strdup (cg_session_get_detail (after, CG_DETAIL_TITLE));
  c->after_date = g_strdup (cg_session_get_detail (after, CG_DETAIL_DATE));
  c->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_change_free);
  c->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_change_free);
  c->partners = g_ptr_array_new_with_free_func ((GDestroyNotify) partner_change_free);
  c->unmatched_items = g_ptr_array_new_with_free_func ((GDestroyNotify) unmatched_free);
  c->unmatched_tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) unmatched_free);
  c->unmatched_partners = g_ptr_array_new_with_free_func ((GDestroyNotify) unmatched_free);
  return c;
}

static void
fill_changes (CgComparison *c,
              CgSession    *before,
              CgSession    *after,
              GArray       *a_items,
              GArray       *a_tasks,
              GArray       *a_partners)
{
  for (guint i = 0; i < a_items->len; i++)
    if (g_array_index (a_items, Entity, i).match != NULL)
      g_ptr_array_add (c->items,
                       item_change_new (before, after, &g_array_index (a_items, Entity, i)));
  for (guint i = 0; i < a_tasks->len; i++)
    if (g_array_index (a_tasks, Entity, i).match != NULL)
      g_ptr_array_add (c->tasks,
                       task_change_new (before, after, &g_array_index (a_tasks, Entity, i)));
  for (guint i = 0; i < a_partners->len; i++)
    if (g_array_index (a_partners, Entity, i).match != NULL)
      g_ptr_array_add (
        c->partners, partner_change_new (c, before, after, &g_array_index (a_partners, Entity, i)));
}

CgComparison *
cg_compare_sessions (CgSession *before,
                     GBytes    *before_bytes,
                     CgSession *after)
{
  g_autoptr (GArray) b_items = NULL, a_items = NULL, b_tasks = NULL, a_tasks = NULL;
  g_autoptr (GArray) b_partners = NULL, a_partners = NULL;
  CgComparison *c;
  gboolean by_id;

  g_return_val_if_fail (CG_IS_SESSION (before), NULL);
  g_return_val_if_fail (CG_IS_SESSION (after), NULL);

  c = comparison_new (before, after);
  check_baseline (c, after, before_bytes);
  b_items = collect_items (before);
  a_items = collect_items (after);
  b_tasks = collect_tasks (before);
  a_tasks = collect_tasks (after);
  b_partners = collect_partners (before);
  a_partners = collect_partners (after);
  if (c->baseline_check == CG_BASELINE_MATCHES)
    c->relation = CG_RELATION_DIGEST;
  else if (ids_agree (before, after, b_items, b_tasks, a_items->len + a_tasks->len))
    c->relation = CG_RELATION_IDS;
  by_id = c->relation != CG_RELATION_NONE;
  match_entities (b_items, a_items, by_id);
  match_entities (b_tasks, a_tasks, by_id);
  match_entities (b_partners, a_partners, by_id);
  fill_changes (c, before, after, a_items, a_tasks, a_partners);
  compare_lessons (c, before, after);
  add_unmatched (c->unmatched_items, b_items, TRUE);
  add_unmatched (c->unmatched_items, a_items, FALSE);
  add_unmatched (c->unmatched_tasks, b_tasks, TRUE);
  add_unmatched (c->unmatched_tasks, a_tasks, FALSE);
  add_unmatched (c->unmatched_partners, b_partners, TRUE);
  add_unmatched (c->unmatched_partners, a_partners, FALSE);
  return c;
}

/* Summaries ------------------------------------------------------------------------------ */

static int
by_size_of_change (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const CgItemChange *x = *(const CgItemChange *const *) a;
  const CgItemChange *y = *(const CgItemChange *const *) b;
  double dx = fabs (x->delta_consensus), dy = fabs (y->delta_consensus);

  return dx < dy ? 1 : dx > dy ? -1 : 0;
}

GPtrArray *
cg_comparison_most_moved (CgComparison *comparison,
                          guint         max)
{
  GPtrArray *moved = g_ptr_array_new ();

  g_return_val_if_fail (comparison != NULL, moved);
  for (guint i = 0; i < comparison->items->len; i++)
    {
      CgItemChange *c = g_ptr_array_index (comparison->items, i);

      if (c->movement == CG_MOVEMENT_TOWARDS_AGREEMENT || c->movement == CG_MOVEMENT_APART)
        g_ptr_array_add (moved, c);
    }
  /* GLib's g_qsort_with_data() is a merge sort: ties keep the session's order. */
  g_qsort_with_data (moved->pdata, (int) moved->len, sizeof (gpointer), by_size_of_change, NULL);
  if (max > 0 && moved->len > max)
    g_ptr_array_set_size (moved, max);
  return moved;
}

GPtrArray *
cg_comparison_resolved_tasks (CgComparison *comparison)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (comparison != NULL, out);
  for (guint i = 0; i < comparison->tasks->len; i++)
    {
      CgTaskChange *c = g_ptr_array_index (comparison->tasks, i);

      if (c->resolved != 0)
        g_ptr_array_add (out, c);
    }
  return out;
}

/* The earlier session, held on the later one ---------------------------------------- */

typedef struct
{
  CgSession *earlier;
  GBytes *bytes;
} Earlier;

static void
earlier_free (gpointer data)
{
  Earlier *e = data;

  g_clear_object (&e->earlier);
  g_clear_pointer (&e->bytes, g_bytes_unref);
  g_free (e);
}

static GQuark
earlier_quark (void)
{
  return g_quark_from_static_string ("cg-compare-earlier");
}

void
cg_compare_set_earlier (CgSession *session,
                        CgSession *earlier,
                        GBytes    *earlier_bytes)
{
  Earlier *e = NULL;

  g_return_if_fail (CG_IS_SESSION (session));
  g_return_if_fail (earlier == NULL || CG_IS_SESSION (earlier));

  if (earlier != NULL)
    {
      e = g_new0 (Earlier, 1);
      e->earlier = g_object_ref (earlier);
      e->bytes = earlier_bytes != NULL ? g_bytes_ref (earlier_bytes) : NULL;
    }
  g_object_set_qdata_full (G_OBJECT (session), earlier_quark (), e, earlier_free);
  /* Every view that shows "since last time" (Review, radar, charter) looks again. */
  cg_session_emit_all_changed (session);
}

CgSession *
cg_compare_get_earlier (CgSession *session)
{
  Earlier *e;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  e = g_object_get_qdata (G_OBJECT (session), earlier_quark ());
  return e != NULL ? e->earlier : NULL;
}

CgComparison *
cg_compare_since (CgSession *session)
{
  Earlier *e;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  e = g_object_get_qdata (G_OBJECT (session), earlier_quark ());
  return e != NULL ? cg_compare_sessions (e->earlier, e->bytes, session) : NULL;
}

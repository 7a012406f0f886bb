/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-compare.c: common-ground --compare OLD NEW [--format=text|csv|json].
 *
 * What moved between two sessions (cg-compare.h has the rules). Numbers
 * are rounded as --report rounds them: 3 decimals in CSV and JSON, 2 in
 * the text, which follows the locale since people read it. JSON is built
 * with json-glib; a value a side has too few answers for is null.
 */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cg-cli.h"
#include "cg-cli-format.h"
#include "cg-compare.h"

#define DECIMALS 3

static char *
ref (char  prefix,
     guint id)
{
  return g_strdup_printf ("%c%u", prefix, id);
}

static char
item_prefix (CgItemKind kind)
{
  return kind == CG_ITEM_AIM ? 'a' : 's';
}

static const char *
relation_to_string (CgRelation relation)
{
  return relation == CG_RELATION_DIGEST ? "baseline" : relation == CG_RELATION_IDS ? "ids" : "text";
}

static const char *
baseline_to_string (CgBaselineCheck check)
{
  switch (check)
    {
    case CG_BASELINE_MATCHES: return "matches";
    case CG_BASELINE_DIFFERS: return "differs";
    case CG_BASELINE_UNCHECKED: return "unchecked";
    case CG_BASELINE_NONE:
    default: return "none";
    }
}

/* Flags as keywords, or translated labels joined for people. */
static char **
flag_names (guint    flags,
            gboolean labels)
{
  GStrvBuilder *b = g_strv_builder_new ();
  char **names;

  for (guint i = 0; i < CG_N_TASK_FLAGS; i++)
    if (flags & (1u << i))
      g_strv_builder_add (b, labels ? cg_task_flag_to_label (1u << i)
                                    : cg_task_flag_to_string (1u << i));
  names = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return names;
}

/* Text ----------------------------------------------------------------------------- */

static char *
text_number (double   value,
             int      decimals,
             gboolean sign)
{
  if (!isfinite (value))
    return g_strdup ("–");
  return g_strdup_printf (sign ? "%+.*f" : "%.*f", decimals, value);
}

static void
text_heading (GString    *out,
              const char *title)
{
  g_string_append_printf (out, "\n%s\n", title);
  for (long n = g_utf8_strlen (title, -1); n > 0; n--)
    g_string_append_c (out, '-');
  g_string_append_c (out, '\n');
}

static char *
text_side (const CgSideStats *side)
{
  g_autofree char *mean = text_number (side->mean, 2, FALSE);
  g_autofree char *cns = text_number (side->consensus, 2, FALSE);

  /* TRANSLATORS: answers, mean, consensus and level of one round */
  return g_strdup_printf (ngettext ("%u answer, mean %s, consensus %s, %s",
                                    "%u answers, mean %s, consensus %s, %s", side->n),
                          side->n, mean, cns, cg_level_to_label (side->level));
}

static void
text_item (GString            *out,
           const CgItemChange *c)
{
  g_autofree char *id = ref (item_prefix (c->kind), c->after_id);
  g_autofree char *before = text_side (&c->before);
  g_autofree char *after = text_side (&c->after);
  g_autofree char *dm = text_number (c->delta_mean, 2, TRUE);
  g_autofree char *dc = text_number (c->delta_consensus, 2, TRUE);

  g_string_append_printf (out, "\n  %s  %s\n", id, c->text);
  if (c->match == CG_MATCH_TEXT)
    {
      g_autofree char *old = ref (item_prefix (c->kind), c->before_id);

      g_string_append (out, "      ");
      g_string_append_printf (out, _("(matched by its text to %s)"), old);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "      %s %s\n", _("Before:"), before);
  g_string_append_printf (out, "      %s %s\n", _("After:"), after);
  g_string_append_printf (out, "      %s ", _("Change:"));
  /* TRANSLATORS: change in mean, change in consensus, then what it means */
  g_string_append_printf (out, _("mean %s, consensus %s: %s"), dm, dc,
                          cg_movement_to_label (c->movement));
  if (c->movement != CG_MOVEMENT_UNKNOWN && c->indicative)
    g_string_append_printf (out, " (%s)", _("indicative: fewer than 5 answers"));
  g_string_append_c (out, '\n');
}

static void
text_lessons (GString            *out,
              const CgComparison *c)
{
  text_heading (out, _("Lessons"));
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      const CgLessonChange *lc = &c->lessons[l];
      g_autofree char *bm = text_number (lc->before_mean, 2, FALSE);
      g_autofree char *am = text_number (lc->after_mean, 2, FALSE);
      g_autofree char *bc = text_number (lc->before_consensus, 2, FALSE);
      g_autofree char *ac = text_number (lc->after_consensus, 2, FALSE);

      g_string_append_printf (out, "  %u %s\n", l + 1, cg_lesson_get_title (l));
      /* TRANSLATORS: a lesson's group mean and mean consensus, before -> after */
      g_string_append_printf (out, "      ");
      g_string_append_printf (out, _("group mean %s → %s, mean consensus %s → %s"), bm, am, bc,
                              ac);
      g_string_append_c (out, '\n');
    }
}

static char *
text_flags (guint    flags,
            gboolean answered)
{
  g_auto (GStrv) names = flag_names (flags, TRUE);

  if (!answered)
    return g_strdup (_("not answered"));
  if (names[0] == NULL)
    return g_strdup (_("clear"));
  return g_strjoinv (", ", names);
}

static void
text_task (GString            *out,
           const CgTaskChange *c)
{
  g_autofree char *id = ref ('t', c->after_id);
  g_autofree char *before = text_flags (c->before_flags, c->before_answered);
  g_autofree char *after = text_flags (c->after_flags, c->after_answered);

  g_string_append_printf (out, "\n  %s  %s\n", id, c->text);
  g_string_append_printf (out, "      %s %s\n", _("Before:"), before);
  g_string_append_printf (out, "      %s %s\n", _("After:"), after);
  if (c->resolved != 0)
    {
      g_auto (GStrv) names = flag_names (c->resolved, TRUE);
      g_autofree char *joined = g_strjoinv (", ", names);
      g_string_append_printf (out, "      %s %s\n", _("Resolved:"), joined);
    }
  if (c->new_flags != 0)
    {
      g_auto (GStrv) names = flag_names (c->new_flags, TRUE);
      g_autofree char *joined = g_strjoinv (", ", names);
      g_string_append_printf (out, "      %s %s\n", _("New:"), joined);
    }
}

static void
text_partners (GString            *out,
               const CgComparison *c)
{
  text_heading (out, _("Partners"));
  for (guint i = 0; i < c->partners->len; i++)
    {
      const CgPartnerChange *p = g_ptr_array_index (c->partners, i);
      g_autofree char *by = text_number (p->mean_abs_change, 2, FALSE);

      g_string_append_printf (out, "  %s: ", p->name);
      /* TRANSLATORS: "2 of 5 answers changed, by 0.60 on average" */
      g_string_append_printf (out,
                              ngettext ("%u of %u answer changed, by %s on average",
                                        "%u of %u answers changed, by %s on average",
                                        p->n_compared),
                              p->n_changed, p->n_compared, by);
      g_string_append_c (out, '\n');
    }
}

static void
text_unmatched_list (GString    *out,
                     GPtrArray  *list,
                     gboolean    in_before,
                     const char *title)
{
  gboolean any = FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const CgUnmatched *u = g_ptr_array_index (list, i);

      if (u->in_before != in_before)
        continue;
      if (!any)
        g_string_append_printf (out, "  %s\n", title);
      any = TRUE;
      g_string_append_printf (out, "      %c%u  %s\n", u->prefix, u->id, u->text);
    }
}

static void
text_unmatched (GString            *out,
                const CgComparison *c)
{
  GPtrArray *lists[] = { c->unmatched_items, c->unmatched_tasks, c->unmatched_partners };

  text_heading (out, _("Not matched"));
  if (c->unmatched_items->len + c->unmatched_tasks->len + c->unmatched_partners->len == 0)
    {
      g_string_append_printf (out, "  %s\n", _("Everything was matched."));
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      text_unmatched_list (out, lists[k], TRUE, _("Only in the earlier session:"));
      text_unmatched_list (out, lists[k], FALSE, _("Only in the later session:"));
    }
}

static const char *
text_relation (const CgComparison *c)
{
  switch (c->relation)
    {
    case CG_RELATION_DIGEST:
      return _("The later session is a new round of the earlier file: matched by id.");
    case CG_RELATION_IDS:
      return _("The two sessions share their ids: matched by id, then by text.");
    case CG_RELATION_NONE:
    default:
      return _(
        "The sessions are not related: matched by text (case, spacing and punctuation ignored).");
    }
}

static GString *
compare_text (const CgComparison *c)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n", _("Since last time"));
  g_string_append_printf (out, "%s %s (%s)\n", _("Before:"), c->before_title, c->before_date);
  g_string_append_printf (out, "%s %s (%s)\n", _("After:"), c->after_title, c->after_date);
  g_string_append_printf (out, "%s\n", text_relation (c));
  if (c->baseline_check == CG_BASELINE_DIFFERS)
    g_string_append_printf (
      out, "%s\n",
      _("The earlier file has changed since the new round was made (its SHA-256 differs)."));
  g_string_append_printf (out, "%s\n",
                          _("A change in consensus of at least 0.10 counts as movement."));
  text_heading (out, _("Items"));
  for (guint i = 0; i < c->items->len; i++)
    text_item (out, g_ptr_array_index (c->items, i));
  text_lessons (out, c);
  text_heading (out, _("Tasks"));
  for (guint i = 0; i < c->tasks->len; i++)
    text_task (out, g_ptr_array_index (c->tasks, i));
  text_partners (out, c);
  text_unmatched (out, c);
  return out;
}

/* CSV ------------------------------------------------------------------------------- */

enum {
  COL_RECORD,
  COL_ID,
  COL_BEFORE_ID,
  COL_MATCHED,
  COL_TEXT,
  COL_B_N,
  COL_B_MEAN,
  COL_B_CNS,
  COL_B_LEVEL,
  COL_A_N,
  COL_A_MEAN,
  COL_A_CNS,
  COL_A_LEVEL,
  COL_D_MEAN,
  COL_D_CNS,
  COL_MOVEMENT,
  COL_INDICATIVE,
  COL_B_FLAGS,
  COL_A_FLAGS,
  COL_RESOLVED,
  COL_NEW,
  COL_STILL_OPEN,
  COL_CHANGED,
  COL_COMPARED,
  COL_MEAN_ABS,
  COL_SIDE,
  N_COLS
};

static const char *const csv_header[N_COLS] = {
  "record",
  "id",
  "before_id",
  "matched",
  "text",
  "before_n",
  "before_mean",
  "before_consensus",
  "before_level",
  "after_n",
  "after_mean",
  "after_consensus",
  "after_level",
  "delta_mean",
  "delta_consensus",
  "movement",
  "indicative",
  "before_flags",
  "after_flags",
  "resolved",
  "new",
  "still_open",
  "changed",
  "compared",
  "mean_abs_change",
  "side",
};

typedef struct
{
  char *f[N_COLS];
} Row;

static void
row_emit (GString *out,
          Row     *row)
{
  cg_csv_append_row (out, (const char *const *) row->f, N_COLS);
  for (guint i = 0; i < N_COLS; i++)
    g_clear_pointer (&row->f[i], g_free);
}

static void
csv_side (Row               *row,
          guint              col,
          const CgSideStats *side)
{
  row->f[col] = g_strdup_printf ("%u", side->n);
  row->f[col + 1] = cg_format_number (side->mean, DECIMALS);
  row->f[col + 2] = cg_format_number (side->consensus, DECIMALS);
  row->f[col + 3] = g_strdup (cg_level_to_string (side->level));
}

static void
csv_items (GString            *out,
           const CgComparison *c)
{
  for (guint i = 0; i < c->items->len; i++)
    {
      const CgItemChange *ic = g_ptr_array_index (c->items, i);
      Row row = { { NULL } };

      row.f[COL_RECORD] = g_strdup ("item");
      row.f[COL_ID] = ref (item_prefix (ic->kind), ic->after_id);
      row.f[COL_BEFORE_ID] = ref (item_prefix (ic->kind), ic->before_id);
      row.f[COL_MATCHED] = g_strdup (cg_match_to_string (ic->match));
      row.f[COL_TEXT] = g_strdup (ic->text);
      csv_side (&row, COL_B_N, &ic->before);
      csv_side (&row, COL_A_N, &ic->after);
      row.f[COL_D_MEAN] = cg_format_number (ic->delta_mean, DECIMALS);
      row.f[COL_D_CNS] = cg_format_number (ic->delta_consensus, DECIMALS);
      row.f[COL_MOVEMENT] = g_strdup (cg_movement_to_string (ic->movement));
      row.f[COL_INDICATIVE] = g_strdup (ic->indicative ? "true" : "false");
      row_emit (out, &row);
    }
}

static void
csv_lessons (GString            *out,
             const CgComparison *c)
{
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      Row row = { { NULL } };

      row.f[COL_RECORD] = g_strdup ("lesson");
      row.f[COL_ID] = g_strdup_printf ("%u", l + 1);
      row.f[COL_TEXT] = g_strdup (cg_lesson_get_title (l));
      row.f[COL_B_MEAN] = cg_format_number (c->lessons[l].before_mean, DECIMALS);
      row.f[COL_B_CNS] = cg_format_number (c->lessons[l].before_consensus, DECIMALS);
      row.f[COL_A_MEAN] = cg_format_number (c->lessons[l].after_mean, DECIMALS);
      row.f[COL_A_CNS] = cg_format_number (c->lessons[l].after_consensus, DECIMALS);
      row_emit (out, &row);
    }
}

static char *
csv_flags (guint    flags,
           gboolean answered)
{
  g_auto (GStrv) names = flag_names (flags, FALSE);

  return answered ? g_strjoinv ("; ", names) : g_strdup ("");
}

static void
csv_tasks (GString            *out,
           const CgComparison *c)
{
  for (guint i = 0; i < c->tasks->len; i++)
    {
      const CgTaskChange *tc = g_ptr_array_index (c->tasks, i);
      Row row = { { NULL } };

      row.f[COL_RECORD] = g_strdup ("task");
      row.f[COL_ID] = ref ('t', tc->after_id);
      row.f[COL_BEFORE_ID] = ref ('t', tc->before_id);
      row.f[COL_MATCHED] = g_strdup (cg_match_to_string (tc->match));
      row.f[COL_TEXT] = g_strdup (tc->text);
      row.f[COL_B_FLAGS] = csv_flags (tc->before_flags, tc->before_answered);
      row.f[COL_A_FLAGS] = csv_flags (tc->after_flags, tc->after_answered);
      row.f[COL_RESOLVED] = csv_flags (tc->resolved, TRUE);
      row.f[COL_NEW] = csv_flags (tc->new_flags, TRUE);
      row.f[COL_STILL_OPEN] = csv_flags (tc->still_open, TRUE);
      row_emit (out, &row);
    }
}

static void
csv_partners (GString            *out,
              const CgComparison *c)
{
  for (guint i = 0; i < c->partners->len; i++)
    {
      const CgPartnerChange *pc = g_ptr_array_index (c->partners, i);
      Row row = { { NULL } };

      row.f[COL_RECORD] = g_strdup ("partner");
      row.f[COL_ID] = ref ('p', pc->after_id);
      row.f[COL_BEFORE_ID] = ref ('p', pc->before_id);
      row.f[COL_MATCHED] = g_strdup (cg_match_to_string (pc->match));
      row.f[COL_TEXT] = g_strdup (pc->name);
      row.f[COL_CHANGED] = g_strdup_printf ("%u", pc->n_changed);
      row.f[COL_COMPARED] = g_strdup_printf ("%u", pc->n_compared);
      row.f[COL_MEAN_ABS] = cg_format_number (pc->mean_abs_change, DECIMALS);
      row_emit (out, &row);
    }
}

static void
csv_unmatched (GString    *out,
               GPtrArray  *list,
               const char *record)
{
  for (guint i = 0; i < list->len; i++)
    {
      const CgUnmatched *u = g_ptr_array_index (list, i);
      Row row = { { NULL } };

      row.f[COL_RECORD] = g_strdup (record);
      row.f[COL_ID] = ref (u->prefix, u->id);
      row.f[COL_TEXT] = g_strdup (u->text);
      row.f[COL_SIDE] = g_strdup (u->in_before ? "before" : "after");
      row_emit (out, &row);
    }
}

static GString *
compare_csv (const CgComparison *c)
{
  GString *out = g_string_new (NULL);

  cg_csv_append_row (out, csv_header, N_COLS);
  csv_items (out, c);
  csv_lessons (out, c);
  csv_tasks (out, c);
  csv_partners (out, c);
  csv_unmatched (out, c->unmatched_items, "unmatched-item");
  csv_unmatched (out, c->unmatched_tasks, "unmatched-task");
  csv_unmatched (out, c->unmatched_partners, "unmatched-partner");
  return out;
}

/* JSON ------------------------------------------------------------------------------ */

/* Rounded as --report rounds; whole numbers as integers; null when there
 * is no value. */
static void
json_number (JsonBuilder *b,
             const char  *key,
             double       value)
{
  g_autofree char *text = cg_format_number (value, DECIMALS);

  json_builder_set_member_name (b, key);
  if (!isfinite (value))
    json_builder_add_null_value (b);
  else if (strchr (text, '.') == NULL)
    json_builder_add_int_value (b, g_ascii_strtoll (text, NULL, 10));
  else
    json_builder_add_double_value (b, g_ascii_strtod (text, NULL));
}

static void
json_string (JsonBuilder *b,
             const char  *key,
             const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
json_ref (JsonBuilder *b,
          const char  *key,
          char         prefix,
          guint        id)
{
  g_autofree char *text = ref (prefix, id);

  json_string (b, key, text);
}

static void
json_session (JsonBuilder *b,
              const char  *key,
              const char  *title,
              const char  *date)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  json_string (b, "title", title);
  json_string (b, "date", date);
  json_builder_end_object (b);
}

static void
json_side (JsonBuilder       *b,
           const char        *key,
           const CgSideStats *side)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "n");
  json_builder_add_int_value (b, side->n);
  json_number (b, "mean", side->mean);
  json_number (b, "consensus", side->consensus);
  json_string (b, "level", cg_level_to_string (side->level));
  json_builder_end_object (b);
}

static void
json_items (JsonBuilder        *b,
            const CgComparison *c)
{
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->items->len; i++)
    {
      const CgItemChange *ic = g_ptr_array_index (c->items, i);

      json_builder_begin_object (b);
      json_ref (b, "id", item_prefix (ic->kind), ic->after_id);
      json_ref (b, "before_id", item_prefix (ic->kind), ic->before_id);
      json_string (b, "matched", cg_match_to_string (ic->match));
      json_string (b, "text", ic->text);
      json_side (b, "before", &ic->before);
      json_side (b, "after", &ic->after);
      json_number (b, "delta_mean", ic->delta_mean);
      json_number (b, "delta_consensus", ic->delta_consensus);
      json_string (b, "movement", cg_movement_to_string (ic->movement));
      json_builder_set_member_name (b, "indicative");
      json_builder_add_boolean_value (b, ic->indicative);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_lesson_side (JsonBuilder *b,
                  const char  *key,
                  double       mean,
                  double       consensus)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  json_number (b, "group_mean", mean);
  json_number (b, "mean_consensus", consensus);
  json_builder_end_object (b);
}

static void
json_lessons (JsonBuilder        *b,
              const CgComparison *c)
{
  json_builder_set_member_name (b, "lessons");
  json_builder_begin_array (b);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "number");
      json_builder_add_int_value (b, l + 1);
      json_lesson_side (b, "before", c->lessons[l].before_mean, c->lessons[l].before_consensus);
      json_lesson_side (b, "after", c->lessons[l].after_mean, c->lessons[l].after_consensus);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_flags (JsonBuilder *b,
            const char  *key,
            guint        flags,
            gboolean     answered)
{
  g_auto (GStrv) names = flag_names (flags, FALSE);

  json_builder_set_member_name (b, key);
  if (!answered)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_array (b);
  for (guint i = 0; names[i] != NULL; i++)
    json_builder_add_string_value (b, names[i]);
  json_builder_end_array (b);
}

static void
json_tasks (JsonBuilder        *b,
            const CgComparison *c)
{
  json_builder_set_member_name (b, "tasks");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->tasks->len; i++)
    {
      const CgTaskChange *tc = g_ptr_array_index (c->tasks, i);

      json_builder_begin_object (b);
      json_ref (b, "id", 't', tc->after_id);
      json_ref (b, "before_id", 't', tc->before_id);
      json_string (b, "matched", cg_match_to_string (tc->match));
      json_string (b, "text", tc->text);
      json_flags (b, "before_flags", tc->before_flags, tc->before_answered);
      json_flags (b, "after_flags", tc->after_flags, tc->after_answered);
      json_flags (b, "resolved", tc->resolved, TRUE);
      json_flags (b, "new", tc->new_flags, TRUE);
      json_flags (b, "still_open", tc->still_open, TRUE);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_partners (JsonBuilder        *b,
               const CgComparison *c)
{
  json_builder_set_member_name (b, "partners");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->partners->len; i++)
    {
      const CgPartnerChange *pc = g_ptr_array_index (c->partners, i);

      json_builder_begin_object (b);
      json_ref (b, "id", 'p', pc->after_id);
      json_ref (b, "before_id", 'p', pc->before_id);
      json_string (b, "matched", cg_match_to_string (pc->match));
      json_string (b, "name", pc->name);
      json_builder_set_member_name (b, "compared");
      json_builder_add_int_value (b, pc->n_compared);
      json_builder_set_member_name (b, "changed");
      json_builder_add_int_value (b, pc->n_changed);
      json_number (b, "mean_abs_change", pc->mean_abs_change);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_unmatched_list (JsonBuilder *b,
                     const char  *key,
                     GPtrArray   *list)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      const CgUnmatched *u = g_ptr_array_index (list, i);

      json_builder_begin_object (b);
      json_ref (b, "id", u->prefix, u->id);
      json_string (b, u->prefix == 'p' ? "name" : "text", u->text);
      json_string (b, "side", u->in_before ? "before" : "after");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static GString *
compare_json (const CgComparison *c)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  GString *out = g_string_new (NULL);

  json_builder_begin_object (b);
  json_session (b, "before", c->before_title, c->before_date);
  json_session (b, "after", c->after_title, c->after_date);
  json_string (b, "matched_by", relation_to_string (c->relation));
  json_string (b, "baseline", baseline_to_string (c->baseline_check));
  json_number (b, "movement_threshold", CG_MOVEMENT_THRESHOLD);
  json_items (b, c);
  json_lessons (b, c);
  json_tasks (b, c);
  json_partners (b, c);
  json_builder_set_member_name (b, "unmatched");
  json_builder_begin_object (b);
  json_unmatched_list (b, "items", c->unmatched_items);
  json_unmatched_list (b, "tasks", c->unmatched_tasks);
  json_unmatched_list (b, "partners", c->unmatched_partners);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cg_json_append_node (out, root);
  return out;
}

/* The command ------------------------------------------------------------------------- */

static int
compare_usage (void)
{
  g_printerr ("%s\n", _("Usage: common-ground --compare OLD NEW [--format=text|csv|json]"));
  return 2;
}

static gboolean
parse_args (int          argc,
            char       **argv,
            const char **paths,
            const char **format)
{
  guint n = 0;
  const char *inline_path = strchr (argv[0], '=');

  if (inline_path != NULL)
    paths[n++] = inline_path + 1;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--format="))
        *format = argv[i] + strlen ("--format=");
      else if (g_str_equal (argv[i], "--format") && i + 1 < argc)
        *format = argv[++i];
      else if ((argv[i][0] == '-' && argv[i][1] != '\0') || n == 2)
        return FALSE;
      else
        paths[n++] = argv[i];
    }
  return n == 2 && *paths[0] != '\0' && *paths[1] != '\0';
}

int
cg_cli_compare (int    argc,
                char **argv)
{
  const char *paths[2] = { NULL, NULL };
  const char *format = "text";
  g_autoptr (CgSession) before = NULL;
  g_autoptr (CgSession) after = NULL;
  g_autoptr (GBytes) before_bytes = NULL;
  g_autoptr (CgComparison) c = NULL;
  g_autoptr (GString) out = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_args (argc, argv, paths, &format))
    return compare_usage ();
  if (!g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    {
      g_printerr (_("Unknown report format “%s”: use text, csv or json.\n"), format);
      return 2;
    }
  before = cg_cli_load_with_bytes (paths[0], &before_bytes);
  after = before != NULL ? cg_cli_load_with_bytes (paths[1], NULL) : NULL;
  if (after == NULL)
    return 1;
  c = cg_compare_sessions (before, before_bytes, after);
  if (c->baseline_check == CG_BASELINE_DIFFERS)
    g_printerr (
      _(
        "%s: note: this is not the file %s was made from, or it has changed since (its SHA-256 differs from the baseline’s)\n"),
      paths[0], paths[1]);
  out = g_str_equal (format, "csv")    ? compare_csv (c)
        : g_str_equal (format, "json") ? compare_json (c)
                                       : compare_text (c);
  if (!cg_cli_write_stdout (out, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-report-data.c: the analysis as CSV and JSON, for other programs.
 *
 * Both carry the same facts as the text report. Ids are the file's ("p3",
 * "s2"), so rows can be joined with --export-csv output; level and flag
 * keywords are never translated. Statistics have three decimals at most.
 */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-cli-format.h"
#include "cg-cli-report.h"

#define DECIMALS 3

char *
cg_report_partner_ref (guint id)
{
  return g_strdup_printf ("p%u", id);
}

char *
cg_report_item_ref (CgSession *session,
                    guint      item_id)
{
  const CgItem *item = cg_session_lookup_item (session, item_id);

  return g_strdup_printf ("%c%u", item != NULL && item->kind == CG_ITEM_AIM ? 'a' : 's', item_id);
}

char *
cg_report_task_ref (guint id)
{
  return g_strdup_printf ("t%u", id);
}

char *
cg_report_join_names (CgSession  *session,
                      GArray     *partner_ids,
                      const char *sep)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < partner_ids->len; i++)
    {
      const CgPartner *p =
        cg_session_lookup_partner (session, g_array_index (partner_ids, guint, i));

      if (i > 0)
        g_string_append (names, sep);
      g_string_append (names, p != NULL ? p->name : "");
    }
  return g_string_free (names, FALSE);
}

char **
cg_report_task_flags (const CgTaskStats *stats,
                      gboolean           labels)
{
  GStrvBuilder *b = g_strv_builder_new ();
  char **flags;

  if (stats->gap)
    g_strv_builder_add (b, labels ? _("Gap") : "gap");
  if (stats->overlap)
    g_strv_builder_add (b, labels ? _("Overlap") : "overlap");
  if (stats->no_doer)
    g_strv_builder_add (b, labels ? _("No doer") : "no-doer");
  if (stats->mismatch)
    g_strv_builder_add (b, labels ? _("Mismatch") : "mismatch");
  flags = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return flags;
}

/* CSV ---------------------------------------------------------------------- */

/* One table, one header: a "record" column says what each row is, and the
 * other columns are filled where they mean something for it. */
enum {
  COL_RECORD,
  COL_ID,
  COL_KIND,
  COL_LESSON,
  COL_TEXT,
  COL_PARTNER_ID,
  COL_PARTNER_NAME,
  COL_N,
  COL_DONT_KNOW,
  COL_MISSING,
  COL_MEAN,
  COL_MEDIAN,
  COL_MIN,
  COL_MAX,
  COL_SD,
  COL_Q1,
  COL_Q3,
  COL_IQR,
  COL_CONSENSUS,
  COL_LEVEL,
  COL_DIRECTION,
  COL_INDICATIVE,
  COL_DISSENTERS,
  COL_AIM_AGREED,
  COL_FLAGS,
  COL_ACCOUNTABLE,
  COL_RESPONSIBLE,
  COL_MOST_NAMED,
  COL_ANSWERED,
  COL_VALUE,
  COL_RANK,
  COL_GROUP,
  COL_GROUP_PARTNERS,
  COL_GAP_HIGH,
  COL_GAP_LOW,
  COL_GAP_FLAGGED,
  N_COLS
};

static const char *const csv_header[N_COLS] = {
  "record",       "id",          "kind",
  "lesson",       "text",        "partner_id",
  "partner_name", "n",           "dont_know",
  "missing",      "mean",        "median",
  "min",          "max",         "sd",
  "q1",           "q3",          "iqr",
  "consensus",    "level",       "direction",
  "indicative",   "dissenters",  "aim_agreed",
  "flags",        "accountable", "responsible",
  "most_named",   "answered",    "value",
  "rank",         "group",       "group_partners",
  "gap_high",     "gap_low",     "gap_flagged",
};

typedef struct
{
  char *cells[N_COLS];
} Row;

static void
row_set (Row  *row,
         int   col,
         char *owned)
{
  g_free (row->cells[col]);
  row->cells[col] = owned;
}

static void
row_emit (GString *out,
          Row     *row)
{
  cg_csv_append_row (out, (const char *const *) row->cells, N_COLS);
  for (int i = 0; i < N_COLS; i++)
    g_clear_pointer (&row->cells[i], g_free);
}

static const char *
bool_word (gboolean b)
{
  return b ? "true" : "false";
}

static void
csv_item_stats (Row               *row,
                CgSession         *session,
                const CgItemStats *st)
{
  row_set (row, COL_N, g_strdup_printf ("%u", st->n));
  row_set (row, COL_DONT_KNOW, g_strdup_printf ("%u", st->n_dont_know));
  row_set (row, COL_MISSING, g_strdup_printf ("%u", st->n_missing));
  row_set (row, COL_MEAN, cg_format_number (st->mean, DECIMALS));
  row_set (row, COL_MEDIAN, cg_format_number (st->median, DECIMALS));
  row_set (row, COL_MIN, cg_format_number (st->min, 0));
  row_set (row, COL_MAX, cg_format_number (st->max, 0));
  row_set (row, COL_SD, cg_format_number (st->sd, DECIMALS));
  row_set (row, COL_Q1, cg_format_number (st->q1, DECIMALS));
  row_set (row, COL_Q3, cg_format_number (st->q3, DECIMALS));
  row_set (row, COL_IQR, cg_format_number (st->iqr, DECIMALS));
  row_set (row, COL_CONSENSUS, cg_format_number (st->consensus, DECIMALS));
  row_set (row, COL_LEVEL, g_strdup (cg_level_to_string (st->level)));
  row_set (row, COL_DIRECTION, g_strdup (cg_direction_to_string (st->direction)));
  row_set (row, COL_INDICATIVE, g_strdup (bool_word (st->indicative)));
  row_set (row, COL_DISSENTERS, cg_report_join_names (session, st->dissenters, "; "));
}

/* Per group, then the gap between groups: only in sessions whose partners
 * have groups. @id is the item's ref, or NULL for a lesson. */
static void
csv_groups (GString            *out,
            const CgGroupStats *st,
            const char         *id,
            const char         *kind,
            guint               lesson)
{
  Row row = { { NULL } };

  if (st->groups->len == 0)
    return;
  for (guint i = 0; i < st->groups->len; i++)
    {
      const CgGroupMean *g = &g_array_index (st->groups, CgGroupMean, i);

      if (g->n == 0)
        continue;
      row_set (&row, COL_RECORD, g_strdup ("group"));
      row_set (&row, COL_ID, g_strdup (id));
      row_set (&row, COL_KIND, g_strdup (kind));
      if (lesson > 0)
        row_set (&row, COL_LESSON, g_strdup_printf ("%u", lesson));
      row_set (&row, COL_N, g_strdup_printf ("%u", g->n));
      row_set (&row, COL_MEAN, cg_format_number (g->mean, DECIMALS));
      row_set (&row, COL_GROUP, g_strdup (g->name));
      row_set (&row, COL_GROUP_PARTNERS, g_strdup_printf ("%u", g->n_partners));
      row_emit (out, &row);
    }
  if (!st->has_gap)
    return;
  row_set (&row, COL_RECORD, g_strdup ("group-gap"));
  row_set (&row, COL_ID, g_strdup (id));
  row_set (&row, COL_KIND, g_strdup (kind));
  if (lesson > 0)
    row_set (&row, COL_LESSON, g_strdup_printf ("%u", lesson));
  row_set (&row, COL_VALUE, cg_format_number (st->gap, DECIMALS));
  row_set (&row, COL_GAP_HIGH, g_strdup (g_array_index (st->groups, CgGroupMean, st->high).name));
  row_set (&row, COL_GAP_LOW, g_strdup (g_array_index (st->groups, CgGroupMean, st->low).name));
  row_set (&row, COL_GAP_FLAGGED, g_strdup (bool_word (st->flagged)));
  row_emit (out, &row);
}

static void
csv_item (GString      *out,
          CgSession    *session,
          const CgItem *item)
{
  g_autoptr (CgItemStats) st = cg_analysis_item (session, item->id);
  gboolean aim = item->kind == CG_ITEM_AIM;
  Row row = { { NULL } };

  row_set (&row, COL_RECORD, g_strdup (aim ? "aim" : "statement"));
  row_set (&row, COL_ID, cg_report_item_ref (session, item->id));
  row_set (&row, COL_KIND, g_strdup (aim ? "aim" : "statement"));
  if (!aim)
    row_set (&row, COL_LESSON, g_strdup_printf ("%u", item->lesson + 1));
  row_set (&row, COL_TEXT, g_strdup (item->text));
  csv_item_stats (&row, session, st);
  if (aim)
    row_set (&row, COL_AIM_AGREED, g_strdup (bool_word (item->agreed)));
  row_emit (out, &row);
  {
    g_autoptr (CgGroupStats) groups = cg_analysis_item_groups (session, item->id);
    g_autofree char *ref = cg_report_item_ref (session, item->id);

    csv_groups (out, groups, ref, aim ? "aim" : "statement", aim ? 0 : item->lesson + 1);
  }
}

static void
csv_lesson_means (GString   *out,
                  CgSession *session,
                  guint      lesson)
{
  g_autoptr (CgLessonStats) st = cg_analysis_lesson (session, lesson);
  Row row = { { NULL } };

  for (guint i = 0; i < st->partner_means->len; i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);

      row_set (&row, COL_RECORD, g_strdup ("partner-mean"));
      row_set (&row, COL_LESSON, g_strdup_printf ("%u", lesson + 1));
      row_set (&row, COL_PARTNER_ID, cg_report_partner_ref (p->id));
      row_set (&row, COL_PARTNER_NAME, g_strdup (p->name));
      row_set (&row, COL_VALUE,
               cg_format_number (g_array_index (st->partner_means, double, i), DECIMALS));
      row_emit (out, &row);
    }
  row_set (&row, COL_RECORD, g_strdup ("group-mean"));
  row_set (&row, COL_LESSON, g_strdup_printf ("%u", lesson + 1));
  row_set (&row, COL_VALUE, cg_format_number (st->group_mean, DECIMALS));
  row_emit (out, &row);
  {
    g_autoptr (CgGroupStats) groups = cg_analysis_lesson_groups (session, lesson);

    csv_groups (out, groups, NULL, NULL, lesson + 1);
  }
}

static void
csv_task_cells (Row               *row,
                CgSession         *session,
                const CgTask      *task,
                const CgTaskStats *st)
{
  g_auto (GStrv) flags = cg_report_task_flags (st, FALSE);

  row_set (row, COL_ID, cg_report_task_ref (task->id));
  row_set (row, COL_KIND, g_strdup ("task"));
  row_set (row, COL_TEXT, g_strdup (task->text));
  row_set (row, COL_FLAGS, g_strjoinv ("; ", flags));
}

static void
csv_task (GString      *out,
          CgSession    *session,
          const CgTask *task)
{
  g_autoptr (CgTaskStats) st = cg_analysis_task (session, task->id);
  const CgPartner *named = cg_session_lookup_partner (session, st->most_named);
  Row row = { { NULL } };

  row_set (&row, COL_RECORD, g_strdup ("task"));
  csv_task_cells (&row, session, task, st);
  row_set (&row, COL_ACCOUNTABLE, cg_report_join_names (session, st->accountable, "; "));
  row_set (&row, COL_RESPONSIBLE, cg_report_join_names (session, st->responsible, "; "));
  row_set (&row, COL_MOST_NAMED, g_strdup (named != NULL ? named->name : ""));
  row_set (&row, COL_ANSWERED, g_strdup_printf ("%u", st->n_answered));
  row_emit (out, &row);
}

static void
csv_tasks_led (GString   *out,
               CgSession *session)
{
  Row row = { { NULL } };

  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);

      row_set (&row, COL_RECORD, g_strdup ("tasks-led"));
      row_set (&row, COL_PARTNER_ID, cg_report_partner_ref (p->id));
      row_set (&row, COL_PARTNER_NAME, g_strdup (p->name));
      row_set (&row, COL_VALUE, g_strdup_printf ("%u", cg_analysis_tasks_led (session, p->id)));
      row_emit (out, &row);
    }
}

static guint
csv_talk_items (GString   *out,
                CgSession *session,
                GArray    *items,
                guint      rank)
{
  Row row = { { NULL } };

  for (guint i = 0; i < items->len; i++)
    {
      guint id = g_array_index (items, guint, i);
      const CgItem *item = cg_session_lookup_item (session, id);
      g_autoptr (CgItemStats) st = cg_analysis_item (session, id);

      row_set (&row, COL_RECORD, g_strdup ("talk-first"));
      row_set (&row, COL_ID, cg_report_item_ref (session, id));
      row_set (&row, COL_KIND, g_strdup (item->kind == CG_ITEM_AIM ? "aim" : "statement"));
      row_set (&row, COL_TEXT, g_strdup (item->text));
      row_set (&row, COL_CONSENSUS, cg_format_number (st->consensus, DECIMALS));
      row_set (&row, COL_LEVEL, g_strdup (cg_level_to_string (st->level)));
      row_set (&row, COL_DIRECTION, g_strdup (cg_direction_to_string (st->direction)));
      row_set (&row, COL_RANK, g_strdup_printf ("%u", ++rank));
      row_emit (out, &row);
    }
  return rank;
}

/* Divergent items, then what the room agrees is missing, then unclear
 * roles: one ranking, as the Review shows it. */
static void
csv_talk_first (GString   *out,
                CgSession *session)
{
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) tasks = NULL;
  g_autoptr (GArray) missing = cg_analysis_agreed_missing (session, 0);
  Row row = { { NULL } };
  guint rank = 0;

  cg_analysis_talk_first (session, 0, &items, &tasks);
  rank = csv_talk_items (out, session, items, rank);
  rank = csv_talk_items (out, session, missing, rank);
  for (guint i = 0; i < tasks->len; i++)
    {
      guint id = g_array_index (tasks, guint, i);
      g_autoptr (CgTaskStats) st = cg_analysis_task (session, id);

      row_set (&row, COL_RECORD, g_strdup ("talk-first"));
      csv_task_cells (&row, session, cg_session_lookup_task (session, id), st);
      row_set (&row, COL_RANK, g_strdup_printf ("%u", ++rank));
      row_emit (out, &row);
    }
}

GString *
cg_report_csv (CgSession *session)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (CG_IS_SESSION (session), out);

  cg_csv_append_row (out, csv_header, N_COLS);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      guint n = cg_session_get_n_statements (session, l);

      for (guint i = 0; i < n; i++)
        csv_item (out, session, cg_session_get_statement (session, l, i));
      if (n > 0)
        csv_lesson_means (out, session, l);
    }
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    csv_item (out, session, cg_session_get_aim (session, i));
  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    csv_task (out, session, cg_session_get_task (session, i));
  csv_tasks_led (out, session);
  csv_talk_first (out, session);
  return out;
}

/* JSON --------------------------------------------------------------------- */

static void
json_partner_ref (CgJsonWriter *w,
                  CgSession    *session,
                  const char   *key,
                  guint         id)
{
  const CgPartner *p = cg_session_lookup_partner (session, id);
  g_autofree char *ref = cg_report_partner_ref (id);

  if (p == NULL)
    {
      cg_json_member_string (w, key, NULL);
      return;
    }
  cg_json_begin_object (w, key);
  cg_json_member_string (w, "id", ref);
  cg_json_member_string (w, "name", p->name);
  cg_json_end_object (w);
}

static void
json_partner_list (CgJsonWriter *w,
                   CgSession    *session,
                   const char   *key,
                   GArray       *ids)
{
  cg_json_begin_array (w, key);
  for (guint i = 0; i < ids->len; i++)
    json_partner_ref (w, session, NULL, g_array_index (ids, guint, i));
  cg_json_end_array (w);
}

static void
json_item_stats (CgJsonWriter      *w,
                 const CgItemStats *st)
{
  cg_json_member_uint (w, "n", st->n);
  cg_json_member_uint (w, "dont_know", st->n_dont_know);
  cg_json_member_uint (w, "missing", st->n_missing);
  /* How many answered 1, 2, 3, 4 and 5. */
  cg_json_member_uint_array (w, "counts", st->counts + CG_RATING_1, CG_RATING_MAX);
  cg_json_member_number (w, "mean", st->mean, DECIMALS);
  cg_json_member_number (w, "median", st->median, DECIMALS);
  cg_json_member_number (w, "min", st->min, 0);
  cg_json_member_number (w, "max", st->max, 0);
  cg_json_member_number (w, "sd", st->sd, DECIMALS);
  cg_json_member_number (w, "q1", st->q1, DECIMALS);
  cg_json_member_number (w, "q3", st->q3, DECIMALS);
  cg_json_member_number (w, "iqr", st->iqr, DECIMALS);
  cg_json_member_number (w, "consensus", st->consensus, DECIMALS);
  cg_json_member_string (w, "level", cg_level_to_string (st->level));
  cg_json_member_string (w, "direction", cg_direction_to_string (st->direction));
  cg_json_member_bool (w, "indicative", st->indicative);
}

/* "groups": every group with at least one answer; "group_gap": null until
 * two groups answered. */
static void
json_groups (CgJsonWriter       *w,
             const CgGroupStats *st)
{
  cg_json_begin_array (w, "groups");
  for (guint i = 0; i < st->groups->len; i++)
    {
      const CgGroupMean *g = &g_array_index (st->groups, CgGroupMean, i);

      if (g->n == 0)
        continue;
      cg_json_begin_object (w, NULL);
      cg_json_member_string (w, "group", g->name);
      cg_json_member_uint (w, "n", g->n);
      cg_json_member_number (w, "mean", g->mean, DECIMALS);
      cg_json_member_uint (w, "partners", g->n_partners);
      cg_json_end_object (w);
    }
  cg_json_end_array (w);
  if (!st->has_gap)
    {
      cg_json_member_string (w, "group_gap", NULL);
      return;
    }
  cg_json_begin_object (w, "group_gap");
  cg_json_member_number (w, "gap", st->gap, DECIMALS);
  cg_json_member_string (w, "high", g_array_index (st->groups, CgGroupMean, st->high).name);
  cg_json_member_string (w, "low", g_array_index (st->groups, CgGroupMean, st->low).name);
  cg_json_member_bool (w, "flagged", st->flagged);
  cg_json_end_object (w);
}

static void
json_item (CgJsonWriter *w,
           CgSession    *session,
           const CgItem *item)
{
  g_autoptr (CgItemStats) st = cg_analysis_item (session, item->id);
  g_autofree char *ref = cg_report_item_ref (session, item->id);

  cg_json_begin_object (w, NULL);
  cg_json_member_string (w, "id", ref);
  cg_json_member_string (w, "text", item->text);
  if (item->kind == CG_ITEM_AIM)
    cg_json_member_bool (w, "agreed", item->agreed);
  json_item_stats (w, st);
  json_partner_list (w, session, "dissenters", st->dissenters);
  {
    g_autoptr (CgGroupStats) groups = cg_analysis_item_groups (session, item->id);

    json_groups (w, groups);
  }
  cg_json_end_object (w);
}

static void
json_lesson (CgJsonWriter *w,
             CgSession    *session,
             guint         lesson)
{
  g_autoptr (CgLessonStats) st = cg_analysis_lesson (session, lesson);

  cg_json_begin_object (w, NULL);
  cg_json_member_uint (w, "number", lesson + 1);
  cg_json_member_string (w, "title", cg_lesson_get_title (lesson));
  cg_json_begin_array (w, "statements");
  for (guint i = 0; i < cg_session_get_n_statements (session, lesson); i++)
    json_item (w, session, cg_session_get_statement (session, lesson, i));
  cg_json_end_array (w);
  cg_json_begin_array (w, "partner_means");
  for (guint i = 0; i < st->partner_means->len; i++)
    {
      g_autofree char *ref = cg_report_partner_ref (cg_session_get_partner (session, i)->id);

      cg_json_begin_object (w, NULL);
      cg_json_member_string (w, "partner", ref);
      cg_json_member_number (w, "mean", g_array_index (st->partner_means, double, i), DECIMALS);
      cg_json_end_object (w);
    }
  cg_json_end_array (w);
  cg_json_member_number (w, "group_mean", st->group_mean, DECIMALS);
  {
    g_autoptr (CgGroupStats) groups = cg_analysis_lesson_groups (session, lesson);

    json_groups (w, groups);
  }
  cg_json_end_object (w);
}

static void
json_task (CgJsonWriter *w,
           CgSession    *session,
           const CgTask *task)
{
  g_autoptr (CgTaskStats) st = cg_analysis_task (session, task->id);
  g_auto (GStrv) flags = cg_report_task_flags (st, FALSE);
  g_autofree char *ref = cg_report_task_ref (task->id);

  cg_json_begin_object (w, NULL);
  cg_json_member_string (w, "id", ref);
  cg_json_member_string (w, "text", task->text);
  cg_json_begin_array (w, "flags");
  for (guint i = 0; flags[i] != NULL; i++)
    cg_json_member_string (w, NULL, flags[i]);
  cg_json_end_array (w);
  cg_json_member_bool (w, "clear", cg_task_stats_is_clear (st));
  json_partner_list (w, session, "accountable", st->accountable);
  json_partner_list (w, session, "responsible", st->responsible);
  json_partner_ref (w, session, "most_named", st->most_named);
  cg_json_member_uint (w, "answered", st->n_answered);
  cg_json_end_object (w);
}

static void
json_details (CgJsonWriter *w,
              CgSession    *session)
{
  cg_json_begin_object (w, "session");
  cg_json_member_string (w, "title", cg_session_get_detail (session, CG_DETAIL_TITLE));
  cg_json_member_string (w, "date", cg_session_get_detail (session, CG_DETAIL_DATE));
  cg_json_member_string (w, "facilitator", cg_session_get_detail (session, CG_DETAIL_FACILITATOR));
  cg_json_member_string (w, "scenario", cg_session_get_detail (session, CG_DETAIL_SCENARIO));
  cg_json_end_object (w);
}

static void
json_partners (CgJsonWriter *w,
               CgSession    *session)
{
  cg_json_begin_array (w, "partners");
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      g_autofree char *ref = cg_report_partner_ref (p->id);

      cg_json_begin_object (w, NULL);
      cg_json_member_string (w, "id", ref);
      cg_json_member_string (w, "name", p->name);
      cg_json_member_string (w, "organisation", p->organisation);
      cg_json_member_string (w, "role", p->role);
      cg_json_member_string (w, "group", *p->group != '\0' ? p->group : NULL);
      cg_json_member_uint (w, "tasks_led", cg_analysis_tasks_led (session, p->id));
      cg_json_end_object (w);
    }
  cg_json_end_array (w);
}

static void
json_item_refs (CgJsonWriter *w,
                CgSession    *session,
                const char   *key,
                GArray       *items)
{
  cg_json_begin_array (w, key);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *ref = cg_report_item_ref (session, g_array_index (items, guint, i));
      cg_json_member_string (w, NULL, ref);
    }
  cg_json_end_array (w);
}

static void
json_talk_first (CgJsonWriter *w,
                 CgSession    *session)
{
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) tasks = NULL;
  g_autoptr (GArray) missing = cg_analysis_agreed_missing (session, 0);

  cg_analysis_talk_first (session, 0, &items, &tasks);
  cg_json_begin_object (w, "talk_first");
  json_item_refs (w, session, "items", items);
  /* "What we agree is missing": agreed, not true. */
  json_item_refs (w, session, "missing", missing);
  cg_json_begin_array (w, "tasks");
  for (guint i = 0; i < tasks->len; i++)
    {
      g_autofree char *ref = cg_report_task_ref (g_array_index (tasks, guint, i));
      cg_json_member_string (w, NULL, ref);
    }
  cg_json_end_array (w);
  cg_json_end_object (w);
}

GString *
cg_report_json (CgSession *session)
{
  GString *out = g_string_new (NULL);
  CgJsonWriter w;

  g_return_val_if_fail (CG_IS_SESSION (session), out);

  cg_json_writer_init (&w, out);
  cg_json_begin_object (&w, NULL);
  cg_json_member_string (&w, "format", "common-ground-report");
  cg_json_member_uint (&w, "format_version", 1);
  json_details (&w, session);
  json_partners (&w, session);
  cg_json_begin_array (&w, "lessons");
  for (guint l = 0; l < CG_N_LESSONS; l++)
    json_lesson (&w, session, l);
  cg_json_end_array (&w);
  cg_json_begin_array (&w, "aims");
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    json_item (&w, session, cg_session_get_aim (session, i));
  cg_json_end_array (&w);
  cg_json_begin_array (&w, "tasks");
  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    json_task (&w, session, cg_session_get_task (session, i));
  cg_json_end_array (&w);
  json_talk_first (&w, session);
  cg_json_end_object (&w);
  cg_json_writer_finish (&w);
  return out;
}

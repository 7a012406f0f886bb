/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-report"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-analysis.h"
#include "cg-charter-content.h"
#include "cg-report-charts.h"
#include "cg-report-layout.h"
#include "cg-report-since.h"

char *
cg_report_format_number (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f", value);
}

static gboolean
item_visible (CgSession    *session,
              const CgItem *item)
{
  CgStage stage = item->kind == CG_ITEM_AIM ? CG_STAGE_AIMS : CG_STAGE_FOR_LESSON (item->lesson);

  return cg_session_answers_visible (session, stage);
}

/* Summary ------------------------------------------------------------------- */

static void
add_front (CgPageLayout *doc,
           CgSession    *session)
{
  const char *title = cg_session_get_detail (session, CG_DETAIL_TITLE);
  g_autofree char *date = cg_charter_format_date (cg_session_get_detail (session, CG_DETAIL_DATE));
  const char *facilitator = cg_session_get_detail (session, CG_DETAIL_FACILITATOR);
  const char *scenario = cg_session_get_detail (session, CG_DETAIL_SCENARIO);
  g_autoptr (GString) line = g_string_new (NULL);

  cg_page_layout_add_paragraph (doc, CG_TEXT_KICKER, _("WORKSHOP RESULTS"));
  cg_page_layout_add_title (doc, *title != '\0' ? title : _("Partnership workshop"));
  if (date != NULL)
    g_string_append (line, date);
  if (*facilitator != '\0')
    g_string_append_printf (line, "%s%s", line->len > 0 ? "  ·  " : "", facilitator);
  if (*scenario != '\0')
    g_string_append_printf (line, "%s%s", line->len > 0 ? "  ·  " : "", scenario);
  if (line->len > 0)
    cg_page_layout_add_paragraph (doc, CG_TEXT_SUBTITLE, line->str);
}

static void
count_levels (CgSession *session,
              guint      counts[4],
              guint     *n_items)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < cg_session_get_n_statements (session, l); i++)
      g_array_append_val (ids, cg_session_get_statement (session, l, i)->id);
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    g_array_append_val (ids, cg_session_get_aim (session, i)->id);
  *n_items = 0;
  for (guint i = 0; i < ids->len; i++)
    {
      guint id = g_array_index (ids, guint, i);
      g_autoptr (CgItemStats) stats = NULL;

      if (!item_visible (session, cg_session_lookup_item (session, id)))
        continue;
      stats = cg_analysis_item (session, id);
      counts[stats->level]++;
      (*n_items)++;
    }
}

static void
add_counts (CgPageLayout *doc,
            CgSession    *session)
{
  guint counts[4] = { 0, 0, 0, 0 };
  guint n_items = 0;
  g_autofree char *text = NULL;

  count_levels (session, counts, &n_items);
  if (n_items == 0)
    return;
  /* TRANSLATORS: counts of rated items by level */
  text = g_strdup_printf (_("Of %u rated items: %u agreed, %u partly agreed, %u divergent, "
                             "%u with not enough answers."),
                          n_items, counts[CG_LEVEL_AGREED], counts[CG_LEVEL_PARTLY_AGREED],
                          counts[CG_LEVEL_DIVERGENT], counts[CG_LEVEL_NOT_ENOUGH]);
  cg_page_layout_add_paragraph (doc, CG_TEXT_BODY, text);
  if (cg_session_get_n_partners (session) < 5)
    cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE,
                                  _("With fewer than five answers to an item, its spread "
                                     "statistics are indicative only."));
}

static void
add_partners (CgPageLayout *doc,
              CgSession    *session)
{
  static const double weights[] = { 3, 3, 2.5, 1.2 };
  const char *headers[] = { _("Partner"), _("Organisation"), _("Role"), _("Tasks led") };
  guint n = cg_session_get_n_partners (session);

  if (n == 0)
    return;
  cg_page_layout_add_subheading (doc, _("Partners"));
  cg_page_layout_begin_table (doc, 4, weights, headers);
  for (guint i = 0; i < n; i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      g_autofree char *led = cg_session_answers_visible (session, CG_STAGE_ROLES)
                               ? g_strdup_printf ("%u", cg_analysis_tasks_led (session, p->id))
                               : g_strdup ("—");
      const char *cells[] = { p->name, p->organisation, p->role, led };

      cg_page_layout_add_row (doc, cells);
    }
  cg_page_layout_end_table (doc);
}

static void
add_summary (CgPageLayout *doc,
             CgSession    *session)
{
  const char *context = cg_session_get_detail (session, CG_DETAIL_CONTEXT);

  cg_page_layout_add_heading (doc, _("Summary"));
  if (*context != '\0')
    cg_page_layout_add_text (doc, context, FALSE);
  add_counts (doc, session);
  add_partners (doc, session);
}

static void
add_talk_first (CgPageLayout *doc,
                CgSession    *session)
{
  g_autofree char *text = cg_charter_generate_text (session, CG_CHARTER_STILL_TO_RESOLVE);

  g_autofree char *missing = cg_charter_generate_text (session, CG_CHARTER_WORK_ON);

  cg_page_layout_add_heading (doc, _("Talk about these first"));
  cg_page_layout_add_text (doc, text, TRUE);
  cg_page_layout_add_subheading (doc, _("What we agree is missing"));
  cg_page_layout_add_text (doc, missing, TRUE);
}

/* Statistics ---------------------------------------------------------------- */

static char *
level_cell (CgSession         *session,
            const CgItemStats *stats)
{
  g_autofree char *apart = NULL;
  const char *indicative = stats->indicative && stats->n >= 2 ? " *" : "";

  if (stats->dissenters->len == 0)
    return g_strdup_printf ("%s%s", cg_item_stats_label (stats), indicative);
  apart = cg_charter_join_partner_names_max (session, stats->dissenters, CG_REPORT_MAX_NAMES);
  /* TRANSLATORS: a level, then the partners on the other side of neutral */
  return g_strdup_printf (_("%s%s; apart: %s"), cg_item_stats_label (stats), indicative, apart);
}

static void
add_item_row (CgPageLayout *doc,
              CgSession    *session,
              const CgItem *item)
{
  g_autoptr (CgItemStats) stats = cg_analysis_item (session, item->id);
  g_autofree char *n = g_strdup_printf ("%u", stats->n);
  g_autofree char *mean = cg_report_format_number (stats->n > 0 ? stats->mean : NAN);
  g_autofree char *median = cg_report_format_number (stats->n > 0 ? stats->median : NAN);
  g_autofree char *sd = cg_report_format_number (stats->n > 1 ? stats->sd : NAN);
  g_autofree char *iqr = cg_report_format_number (stats->n > 0 ? stats->iqr : NAN);
  g_autofree char *consensus = cg_report_format_number (stats->n > 0 ? stats->consensus : NAN);
  g_autofree char *level = level_cell (session, stats);
  const char *cells[] = { item->text, n, mean, median, sd, iqr, consensus, level };

  cg_page_layout_add_row (doc, cells);
}

static void
begin_stats_table (CgPageLayout *doc,
                   const char   *first_header)
{
  static const double weights[] = { 4.6, 0.95, 1.1, 1.4, 0.95, 0.95, 1.85, 2.6 };
  const char *headers[] = { first_header, _("n"),   _("Mean"),      _("Median"),
                            _("SD"),     _("IQR"), _("Consensus"), _("Level") };

  cg_page_layout_begin_table (doc, G_N_ELEMENTS (weights), weights, headers);
}

static void
add_lesson_stats (CgPageLayout *doc,
                  CgSession    *session,
                  guint         lesson)
{
  guint n = cg_session_get_n_statements (session, lesson);

  if (n == 0)
    return;
  cg_page_layout_add_subheading (doc, cg_lesson_get_title (lesson));
  if (!cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (lesson)))
    {
      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, _("Answers hidden until revealed."));
      return;
    }
  begin_stats_table (doc, _("Statement"));
  for (guint i = 0; i < n; i++)
    add_item_row (doc, session, cg_session_get_statement (session, lesson, i));
  cg_page_layout_end_table (doc);
}

static void
add_aim_stats (CgPageLayout *doc,
               CgSession    *session)
{
  guint n = cg_session_get_n_aims (session);

  if (n == 0)
    return;
  cg_page_layout_add_subheading (doc, _("Aims (importance)"));
  if (!cg_session_answers_visible (session, CG_STAGE_AIMS))
    {
      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, _("Answers hidden until revealed."));
      return;
    }
  begin_stats_table (doc, _("Aim"));
  for (guint i = 0; i < n; i++)
    add_item_row (doc, session, cg_session_get_aim (session, i));
  cg_page_layout_end_table (doc);
}

static void
add_stats (CgPageLayout *doc,
           CgSession    *session)
{
  cg_page_layout_add_heading (doc, _("Statistics per item"));
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE,
                                _("n: partners who gave a 1-5 answer. SD: sample standard "
                                   "deviation. IQR: interquartile range. Consensus: Tastle and "
                                   "Wierman, 1 when all answers are the same, 0 when the room is "
                                   "split between the ends of the scale. * indicative only: "
                                   "fewer than five answers."));
  for (guint l = 0; l < CG_N_LESSONS; l++)
    add_lesson_stats (doc, session, l);
  add_aim_stats (doc, session);
}

static char *
task_flags (const CgTaskStats *stats)
{
  g_autoptr (GPtrArray) flags = g_ptr_array_new ();

  if (stats->gap)
    g_ptr_array_add (flags, (gpointer) _("Gap"));
  if (stats->overlap)
    g_ptr_array_add (flags, (gpointer) _("Overlap"));
  if (stats->no_doer)
    g_ptr_array_add (flags, (gpointer) _("No doer"));
  if (stats->mismatch)
    g_ptr_array_add (flags, (gpointer) _("Mismatch"));
  if (flags->len == 0)
    return g_strdup (_("Clear"));
  g_ptr_array_add (flags, NULL);
  return g_strjoinv (", ", (char **) flags->pdata);
}

static void
add_task_row (CgPageLayout *doc,
              CgSession    *session,
              const CgTask *task)
{
  g_autoptr (CgTaskStats) stats = cg_analysis_task (session, task->id);
  g_autofree char *a =
    cg_charter_join_partner_names_max (session, stats->accountable, CG_REPORT_MAX_NAMES);
  g_autofree char *r =
    cg_charter_join_partner_names_max (session, stats->responsible, CG_REPORT_MAX_NAMES);
  g_autofree char *flags = task_flags (stats);
  g_autofree char *answered = g_strdup_printf ("%u", stats->n_answered);
  const char *cells[] = { task->text, *a != '\0' ? a : "—", *r != '\0' ? r : "—", answered, flags };

  cg_page_layout_add_row (doc, cells);
}

static void
add_roles (CgPageLayout *doc,
           CgSession    *session)
{
  static const double weights[] = { 4, 2.6, 2.6, 1.5, 2 };
  const char *headers[] = { _("Task"), _("Claim Accountable"), _("Claim Responsible"),
                            _("Answers"), _("Flags") };
  guint n = cg_session_get_n_tasks (session);

  if (n == 0)
    return;
  cg_page_layout_add_heading (doc, _("Role clarity"));
  if (!cg_session_answers_visible (session, CG_STAGE_ROLES))
    {
      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, _("Answers hidden until revealed."));
      return;
    }
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE,
                                _("Gap: nobody claims Accountable. Overlap: more than one does. "
                                   "No doer: nobody claims Responsible. Mismatch: partners name "
                                   "different Accountable partners."));
  cg_report_add_role_matrix (doc, session);
  cg_page_layout_begin_table (doc, G_N_ELEMENTS (weights), weights, headers);
  for (guint i = 0; i < n; i++)
    add_task_row (doc, session, cg_session_get_task (session, i));
  cg_page_layout_end_table (doc);
}

/* Comments ------------------------------------------------------------------ */

static void
add_lesson_comments (CgPageLayout *doc,
                     CgSession    *session,
                     guint         lesson)
{
  gboolean any = FALSE;

  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      g_autofree char *comment = g_strdup (cg_session_get_comment (session, p->id, lesson));

      if (*g_strstrip (comment) == '\0')
        continue;
      if (!any)
        cg_page_layout_add_subheading (doc, cg_lesson_get_title (lesson));
      any = TRUE;
      cg_page_layout_add_labelled (doc, p->name, comment);
    }
}

static void
add_comments (CgPageLayout *doc,
              CgSession    *session)
{
  gboolean any = FALSE;

  for (guint l = 0; l < CG_N_LESSONS && !any; l++)
    for (guint i = 0; i < cg_session_get_n_partners (session) && !any; i++)
      any = *cg_session_get_comment (session, cg_session_get_partner (session, i)->id, l) != '\0' &&
            cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (l));
  if (!any)
    return;
  cg_page_layout_add_heading (doc, _("Comments"));
  for (guint l = 0; l < CG_N_LESSONS; l++)
    if (cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (l)))
      add_lesson_comments (doc, session, l);
}

/* Public -------------------------------------------------------------------- */

CgPageLayout *
cg_report_layout_new (CgSession           *session,
                      PangoContext        *context,
                      double               page_width,
                      double               page_height,
                      const CgPageMargins *margins)
{
  CgPageLayout *doc;
  const char *title;
  g_autoptr (CgComparison) since = NULL;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);

  doc = cg_page_layout_new (context, page_width, page_height, margins);
  title = cg_session_get_detail (session, CG_DETAIL_TITLE);
  cg_page_layout_set_running_header (doc, *title != '\0' ? title : _("Workshop results"));
  add_front (doc, session);
  add_summary (doc, session);
  add_talk_first (doc, session);
  /* Compared with an earlier round (cg_compare_set_earlier()): what moved. */
  if ((since = cg_compare_since (session)) != NULL)
    cg_report_add_since (doc, session, since);
  cg_report_add_charts (doc, session);
  add_stats (doc, session);
  add_roles (doc, session);
  add_comments (doc, session);
  return doc;
}

gboolean
cg_report_export_pdf (CgSession  *session,
                      const char *path,
                      CgPaperSize paper,
                      GError    **error)
{
  g_autoptr (CgPageLayout) doc = NULL;
  double width, height;

  g_return_val_if_fail (CG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cg_paper_size_get_size (paper, &width, &height);
  doc = cg_report_layout_new (session, NULL, width, height, NULL);
  return cg_page_layout_write_pdf (doc, path, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-report-since.c: "Since last time" in the results report. */
#define G_LOG_DOMAIN "cg-report"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-chart-radar.h"
#include "cg-charter-content.h"
#include "cg-report-layout.h"
#include "cg-report-since.h"

char *
cg_report_since_title (const CgComparison *c)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (c != NULL, NULL);
  date = cg_charter_format_date (c->before_date);
  /* TRANSLATORS: a heading, "Since 20 November 2025" */
  return g_strdup_printf (_("Since %s"), date != NULL               ? date
                                          : *c->before_title != '\0' ? c->before_title
                                                                     : _("last time"));
}

char *
cg_report_since_group_label (const CgComparison *c)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (c != NULL, NULL);
  date = cg_charter_format_date (c->before_date);
  /* TRANSLATORS: the legend of the earlier group line on the radar */
  return g_strdup_printf (_("Group, %s"), date != NULL ? date : _("earlier"));
}

/* The radar ------------------------------------------------------------------------ */

gboolean
cg_report_since_radar (CgSession      *session,
                       CgRadarEarlier *out,
                       char          **label)
{
  CgSession *earlier;
  g_autofree char *date = NULL;

  g_return_val_if_fail (CG_IS_SESSION (session) && out != NULL && label != NULL, FALSE);
  earlier = cg_compare_get_earlier (session);
  *label = NULL;
  if (earlier == NULL)
    return FALSE;
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      g_autoptr (CgLessonStats) st = cg_analysis_lesson (earlier, l);

      out->group[l] = st->group_mean;
    }
  date = cg_charter_format_date (cg_session_get_detail (earlier, CG_DETAIL_DATE));
  /* TRANSLATORS: the legend of the earlier group line on the radar */
  *label = g_strdup_printf (_("Group, %s"), date != NULL ? date : _("earlier"));
  out->label = *label;
  return TRUE;
}

typedef struct
{
  CgSession *session;
  CgRadarEarlier earlier;
  char *label;
} Radar;

static void
radar_free (gpointer data)
{
  Radar *r = data;

  g_object_unref (r->session);
  g_free (r->label);
  g_free (r);
}

static void
radar_draw (cairo_t *cr,
            double   width,
            double   height,
            gpointer data)
{
  Radar *r = data;
  CgChartStyle style;

  cg_chart_style_init_print (&style);
  cg_chart_radar_draw_full (cr, width, height, r->session, &style, &r->earlier);
}

static void
add_radar (CgPageLayout       *doc,
           CgSession          *session,
           const CgComparison *c)
{
  Radar *r = g_new0 (Radar, 1);
  CgChartStyle style;
  double width = cg_page_layout_get_content_width (doc);

  cg_chart_style_init_print (&style);
  r->session = g_object_ref (session);
  r->label = cg_report_since_group_label (c);
  r->earlier.label = r->label;
  for (guint l = 0; l < CG_N_LESSONS; l++)
    r->earlier.group[l] = c->lessons[l].before_mean;
  cg_page_layout_add_drawing (doc, cg_chart_radar_get_height_for_width (session, width, &style),
                              radar_draw, r, radar_free);
}

/* Tables ---------------------------------------------------------------------------- */

static char *
signed_number (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%+.2f", value);
}

static char *
side_cell (const CgSideStats *side)
{
  g_autofree char *mean = cg_report_format_number (side->mean);
  g_autofree char *cns = cg_report_format_number (side->consensus);

  /* TRANSLATORS: mean / consensus, then the level, in a table cell */
  return g_strdup_printf (_("%s / %s, %s"), mean, cns, cg_level_to_label (side->level));
}

static gboolean
item_visible (CgSession          *session,
              const CgItemChange *ic)
{
  return cg_session_answers_visible (
    session, ic->kind == CG_ITEM_AIM ? CG_STAGE_AIMS : CG_STAGE_FOR_LESSON (ic->lesson));
}

static void
add_items (CgPageLayout       *doc,
           CgSession          *session,
           const CgComparison *c)
{
  static const double weights[] = { 3.6, 2.5, 2.2, 1.6, 2.0, 2.5 };
  const char *headers[] = { _("Item"),           _("Before: mean / consensus"), _("After"),
                            _("Change in mean"), _("Change in consensus"),      _("Movement") };

  cg_page_layout_add_subheading (doc, _("Items"));
  cg_page_layout_begin_table (doc, G_N_ELEMENTS (weights), weights, headers);
  for (guint i = 0; i < c->items->len; i++)
    {
      const CgItemChange *ic = g_ptr_array_index (c->items, i);
      g_autofree char *before = side_cell (&ic->before);
      g_autofree char *after = side_cell (&ic->after);
      g_autofree char *dm = signed_number (ic->delta_mean);
      g_autofree char *dc = signed_number (ic->delta_consensus);
      g_autofree char *movement =
        g_strdup_printf ("%s%s", cg_movement_to_label (ic->movement),
                         ic->indicative && ic->movement != CG_MOVEMENT_UNKNOWN ? " *" : "");
      const char *cells[] = { ic->text, before, after, dm, dc, movement };

      if (!item_visible (session, ic))
        continue;
      cg_page_layout_add_row (doc, cells);
    }
  cg_page_layout_end_table (doc);
}

static void
add_lessons (CgPageLayout       *doc,
             const CgComparison *c)
{
  static const double weights[] = { 4, 1.6, 1.6, 2, 2 };
  const char *headers[] = { _("Lesson"), _("Mean before"), _("Mean after"),
                            _("Consensus before"), _("Consensus after") };

  cg_page_layout_add_subheading (doc, _("Lessons"));
  cg_page_layout_begin_table (doc, G_N_ELEMENTS (weights), weights, headers);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      const CgLessonChange *lc = &c->lessons[l];
      g_autofree char *bm = cg_report_format_number (lc->before_mean);
      g_autofree char *am = cg_report_format_number (lc->after_mean);
      g_autofree char *bc = cg_report_format_number (lc->before_consensus);
      g_autofree char *ac = cg_report_format_number (lc->after_consensus);
      const char *cells[] = { cg_lesson_get_title (l), bm, am, bc, ac };

      cg_page_layout_add_row (doc, cells);
    }
  cg_page_layout_end_table (doc);
}

static char *
flags_cell (guint    flags,
            gboolean answered)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  if (!answered)
    return g_strdup (_("Not answered"));
  for (guint i = 0; i < CG_N_TASK_FLAGS; i++)
    if (flags & (1u << i))
      g_ptr_array_add (names, (gpointer) cg_task_flag_to_label (1u << i));
  if (names->len == 0)
    return g_strdup (_("Clear"));
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static void
add_tasks (CgPageLayout       *doc,
           CgSession          *session,
           const CgComparison *c)
{
  static const double weights[] = { 4, 2.4, 2.4, 2.4, 2.4 };
  const char *headers[] = { _("Task"), _("Before"), _("After"), _("Resolved"), _("New") };

  if (c->tasks->len == 0 || !cg_session_answers_visible (session, CG_STAGE_ROLES))
    return;
  cg_page_layout_add_subheading (doc, _("Role clarity"));
  cg_page_layout_begin_table (doc, G_N_ELEMENTS (weights), weights, headers);
  for (guint i = 0; i < c->tasks->len; i++)
    {
      const CgTaskChange *tc = g_ptr_array_index (c->tasks, i);
      g_autofree char *before = flags_cell (tc->before_flags, tc->before_answered);
      g_autofree char *after = flags_cell (tc->after_flags, tc->after_answered);
      g_autofree char *resolved =
        tc->resolved != 0 ? flags_cell (tc->resolved, TRUE) : g_strdup ("—");
      g_autofree char *new_flags =
        tc->new_flags != 0 ? flags_cell (tc->new_flags, TRUE) : g_strdup ("—");
      const char *cells[] = { tc->text, before, after, resolved, new_flags };

      cg_page_layout_add_row (doc, cells);
    }
  cg_page_layout_end_table (doc);
}

static void
add_partners (CgPageLayout       *doc,
              const CgComparison *c)
{
  static const double weights[] = { 4, 3, 3 };
  const char *headers[] = { _("Partner"), _("Answers changed"), _("Mean change") };

  if (c->partners->len == 0)
    return;
  cg_page_layout_add_subheading (doc, _("Partners"));
  cg_page_layout_begin_table (doc, G_N_ELEMENTS (weights), weights, headers);
  for (guint i = 0; i < c->partners->len; i++)
    {
      const CgPartnerChange *pc = g_ptr_array_index (c->partners, i);
      /* TRANSLATORS: "2 of 5" answers changed */
      g_autofree char *changed = g_strdup_printf (_("%u of %u"), pc->n_changed, pc->n_compared);
      g_autofree char *by = cg_report_format_number (pc->mean_abs_change);
      const char *cells[] = { pc->name, changed, by };

      cg_page_layout_add_row (doc, cells);
    }
  cg_page_layout_end_table (doc);
}

static void
add_unmatched_list (GString   *out,
                    GPtrArray *list,
                    gboolean   in_before)
{
  for (guint i = 0; i < list->len; i++)
    {
      const CgUnmatched *u = g_ptr_array_index (list, i);

      if (u->in_before == in_before)
        g_string_append_printf (out, "%s\n", u->text);
    }
}

static void
add_unmatched (CgPageLayout       *doc,
               const CgComparison *c)
{
  for (guint side = 0; side < 2; side++)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      add_unmatched_list (out, c->unmatched_items, side == 0);
      add_unmatched_list (out, c->unmatched_tasks, side == 0);
      add_unmatched_list (out, c->unmatched_partners, side == 0);
      if (out->len == 0)
        continue;
      g_string_truncate (out, out->len - 1);
      cg_page_layout_add_subheading (doc, side == 0 ? _("Only in the earlier session")
                                                    : _("Only in this session"));
      cg_page_layout_add_text (doc, out->str, TRUE);
    }
}

static const char *
matching_note (const CgComparison *c)
{
  if (c->baseline_check == CG_BASELINE_DIFFERS)
    return _("The earlier file has changed since this round was made (its SHA-256 differs).");
  if (c->relation == CG_RELATION_NONE)
    return _("The two sessions were matched by the text of their items and tasks and the names "
              "of their partners.");
  return _("This session is a new round of the earlier one: items, tasks and partners were "
            "matched by id.");
}

void
cg_report_add_since (CgPageLayout *doc,
                     CgSession    *session,
                     CgComparison *c)
{
  g_autofree char *title = NULL;
  g_autofree char *line = NULL;

  g_return_if_fail (doc != NULL && CG_IS_SESSION (session) && c != NULL);

  title = cg_report_since_title (c);
  cg_page_layout_add_page_break (doc);
  cg_page_layout_add_heading (doc, _("Since last time"));
  /* TRANSLATORS: "Since 20 November 2025: Riverside partnership" */
  line = g_strdup_printf (_("%s: %s"), title, c->before_title);
  cg_page_layout_add_paragraph (doc, CG_TEXT_SUBTITLE, line);
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, matching_note (c));
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE,
                                _("A change in consensus of at least 0.10 counts as movement. "
                                   "* indicative only: fewer than five answers in a round."));
  add_radar (doc, session, c);
  add_lessons (doc, c);
  add_items (doc, session, c);
  add_tasks (doc, session, c);
  add_partners (doc, c);
  add_unmatched (doc, c);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-report"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-chart-dots.h"
#include "cg-chart-items.h"
#include "cg-chart-heatmap.h"
#include "cg-chart-radar.h"
#include "cg-report-charts.h"
#include "cg-role-matrix.h"

typedef enum {
  FIGURE_DOTS,
  FIGURE_HEATMAP,
  FIGURE_RADAR,
  FIGURE_ROLES,
  FIGURE_GROUPS,
} FigureKind;

/* What one figure draws; the page layout owns it. */
typedef struct
{
  CgSession *session;
  FigureKind kind;
  guint item_id;           /* FIGURE_DOTS */
  GArray *items;           /* FIGURE_HEATMAP */
  CgRoleMatrixSlice slice; /* FIGURE_ROLES */
} Figure;

static void
figure_free (gpointer p)
{
  Figure *figure = p;

  g_clear_object (&figure->session);
  g_clear_pointer (&figure->items, g_array_unref);
  g_free (figure);
}

static void
figure_draw (cairo_t *cr,
             double   width,
             double   height,
             gpointer data)
{
  Figure *f = data;
  CgChartStyle style;

  cg_chart_style_init_print (&style);
  switch (f->kind)
    {
    case FIGURE_DOTS: cg_chart_dots_draw (cr, width, height, f->session, f->item_id, &style); break;
    case FIGURE_HEATMAP:
      cg_chart_heatmap_draw (cr, width, height, f->session, (const guint *) f->items->data,
                             f->items->len, &style);
      break;
    case FIGURE_RADAR: cg_chart_radar_draw (cr, width, height, f->session, &style); break;
    case FIGURE_GROUPS: cg_chart_group_heatmap_draw (cr, width, height, f->session, &style); break;
    case FIGURE_ROLES:
    default: cg_role_matrix_draw_slice (cr, width, height, f->session, &style, &f->slice); break;
    }
}

static double
figure_height (const Figure *f,
               double        width)
{
  CgChartStyle style;

  cg_chart_style_init_print (&style);
  switch (f->kind)
    {
    case FIGURE_DOTS:
      return cg_chart_dots_get_height_for_width (f->session, f->item_id, width, &style);
    case FIGURE_HEATMAP:
      return cg_chart_heatmap_get_height_for_width (f->session, (const guint *) f->items->data,
                                                    f->items->len, width, &style);
    case FIGURE_RADAR: return cg_chart_radar_get_height_for_width (f->session, width, &style);
    case FIGURE_GROUPS:
      return cg_chart_group_heatmap_get_height_for_width (f->session, width, &style);
    case FIGURE_ROLES:
    default:
      return cg_role_matrix_get_slice_height_for_width (f->session, width, &style, &f->slice);
    }
}

/* The chart at the full content width and its natural height there: one
 * unit of the layout, so it is never split (and shrunk whole if taller than
 * a page). */
static void
add_figure_full (CgPageLayout            *doc,
                 CgSession               *session,
                 FigureKind               kind,
                 guint                    item_id,
                 GArray                  *items,
                 const CgRoleMatrixSlice *slice)
{
  Figure *f = g_new0 (Figure, 1);

  f->session = g_object_ref (session);
  f->kind = kind;
  f->item_id = item_id;
  f->items = items != NULL ? g_array_ref (items) : NULL;
  if (slice != NULL)
    f->slice = *slice;
  cg_page_layout_add_drawing (doc, figure_height (f, cg_page_layout_get_content_width (doc)),
                              figure_draw, f, figure_free);
}

static void
add_figure (CgPageLayout *doc,
            CgSession    *session,
            FigureKind    kind,
            guint         item_id,
            GArray       *items)
{
  add_figure_full (doc, session, kind, item_id, items, NULL);
}

/* The dot strips carry tags, not names: say whose tag is whose. */
static void
add_tag_key (CgPageLayout *doc,
             CgSession    *session)
{
  g_auto (GStrv) tags = cg_chart_partner_tags (session);
  g_autoptr (GString) key = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (key, "  ·  ");
      /* TRANSLATORS: a partner's tag in the charts, then the partner's name */
      g_string_append_printf (key, _("%s %s"), tags[i], cg_session_get_partner (session, i)->name);
    }
  cg_page_layout_add_labelled (doc, _("Partners:"), key->str);
  /* The section's heading and key open the page its first chart is on. */
  cg_page_layout_keep_with_next (doc);
}

static gboolean
stage_has_items (CgSession *session,
                 CgStage    stage)
{
  if (stage == CG_STAGE_AIMS)
    return cg_session_get_n_aims (session) > 0;
  for (guint l = 0; l < CG_N_LESSONS; l++)
    if (stage == CG_STAGE_FOR_LESSON (l))
      return cg_session_get_n_statements (session, l) > 0;
  return FALSE;
}

static void
add_hidden_notes (CgPageLayout *doc,
                  CgSession    *session)
{
  for (guint s = 0; s < CG_N_STAGES; s++)
    if (stage_has_items (session, s) && !cg_session_answers_visible (session, s))
      {
        g_autofree char *text =
          g_strdup_printf (_("%s: answers hidden until revealed."), cg_stage_get_title (s));

        cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, text);
      }
}

static void
heatmap_part_free (gpointer p)
{
  CgReportHeatmap *part = p;

  g_free (part->title);
  g_array_unref (part->items);
  g_free (part);
}

static void
add_heatmap_part (GPtrArray          *parts,
                  CgSession          *session,
                  const char         *title,
                  GArray             *items,
                  double              width,
                  double              height,
                  const CgChartStyle *style)
{
  CgReportHeatmap *part = g_new0 (CgReportHeatmap, 1);

  part->title = g_strdup (title);
  part->items = g_array_ref (items);
  part->legible = cg_chart_heatmap_is_legible (session, (const guint *) items->data, items->len,
                                               width, height, style);
  g_ptr_array_add (parts, part);
}

GPtrArray *
cg_report_heatmaps (CgSession *session,
                    double     width,
                    double     height)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (heatmap_part_free);
  g_autoptr (GArray) all = NULL;
  g_autoptr (GArray) aims = NULL;
  CgChartStyle style;

  g_return_val_if_fail (CG_IS_SESSION (session), parts);

  cg_chart_style_init_print (&style);
  all = cg_chart_collect_items (session, CG_CHART_ALL_LESSONS, TRUE);
  if (all->len == 0 || cg_session_get_n_partners (session) == 0)
    return parts;
  add_heatmap_part (parts, session, NULL, all, width, height, &style);
  if (((CgReportHeatmap *) parts->pdata[0])->legible)
    return parts;
  /* Too many columns or rows for one page: a heat map per lesson and one
   * for the aims, each of which may still be too big. */
  g_ptr_array_set_size (parts, 0);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      g_autoptr (GArray) items = cg_chart_collect_items (session, l, FALSE);

      if (items->len > 0)
        add_heatmap_part (parts, session, cg_lesson_get_title (l), items, width, height, &style);
    }
  aims = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    g_array_append_val (aims, cg_session_get_aim (session, i)->id);
  if (aims->len > 0)
    add_heatmap_part (parts, session, cg_stage_get_title (CG_STAGE_AIMS), aims, width, height,
                      &style);
  return parts;
}

/* The most a figure under a heading may take of a page. */
static double
figure_room (CgPageLayout *doc)
{
  return cg_page_layout_get_content_height (doc) - 80.0;
}

static void
add_heatmaps (CgPageLayout *doc,
              CgSession    *session)
{
  g_autoptr (GPtrArray) parts =
    cg_report_heatmaps (session, cg_page_layout_get_content_width (doc), figure_room (doc));
  g_autoptr (GPtrArray) left_out = g_ptr_array_new ();

  cg_page_layout_add_subheading (doc, _("Every rating"));
  for (guint i = 0; i < parts->len; i++)
    {
      CgReportHeatmap *part = parts->pdata[i];

      if (!part->legible)
        {
          g_ptr_array_add (left_out, part->title);
          continue;
        }
      if (part->title != NULL)
        {
          cg_page_layout_add_paragraph (doc, CG_TEXT_BODY, part->title);
          cg_page_layout_keep_with_next (doc);
        }
      add_figure (doc, session, FIGURE_HEATMAP, 0, part->items);
    }
  if (left_out->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *note = NULL;

      g_ptr_array_add (left_out, NULL);
      list = g_strjoinv (", ", (char **) left_out->pdata);
      note = g_strdup_printf (_("Too many ratings to print legibly (%u partners): %s. The "
                                 "Review stage shows them on screen, and every answer is in "
                                 "the CSV export (common-ground --export-csv)."),
                              cg_session_get_n_partners (session), list);
      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, note);
    }
}

GArray *
cg_report_strip_items (CgSession *session,
                       guint     *n_left_out)
{
  GArray *order;
  guint left_out = 0;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);

  order = cg_analysis_review_order (session);
  if (order->len > CG_REPORT_MAX_STRIPS)
    {
      left_out = order->len - CG_REPORT_MAX_STRIPS;
      g_array_set_size (order, CG_REPORT_MAX_STRIPS);
    }
  if (n_left_out != NULL)
    *n_left_out = left_out;
  return order;
}

static void
add_strips (CgPageLayout *doc,
            CgSession    *session)
{
  guint left_out;
  g_autoptr (GArray) order = cg_report_strip_items (session, &left_out);

  cg_page_layout_add_subheading (doc, _("Answers per item"));
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE,
                                _("One dot per partner on the 1-5 scale, the group mean "
                                   "marked under it. Most divergent first, as in the Review "
                                   "stage."));
  if (left_out > 0)
    {
      g_autofree char *note = g_strdup_printf (
        g_dngettext (
          GETTEXT_PACKAGE, "The %u most divergent items; %u more is in the statistics per item.",
          "The %u most divergent items; %u more are in the statistics per item.", left_out),
        order->len, left_out);

      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, note);
    }
  add_hidden_notes (doc, session);
  for (guint i = 0; i < order->len; i++)
    {
      /* The heading and its note go with the first strip. */
      if (i == 0)
        cg_page_layout_keep_with_next (doc);
      add_figure (doc, session, FIGURE_DOTS, g_array_index (order, guint, i), NULL);
    }
}

/* "Health 4.5", "Charity (one partner) 3.0". */
static char *
group_text (const CgGroupMean *g)
{
  if (g->n_partners == 1)
    return g_strdup_printf (_("%s (one partner) %.1f"), g->name, g->mean);
  return g_strdup_printf ("%s %.1f", g->name, g->mean);
}

static void
add_divides (CgPageLayout *doc,
             CgSession    *session)
{
  g_autoptr (GArray) divides = cg_analysis_group_divides (session, 0);
  guint added = 0;

  cg_page_layout_add_paragraph (doc, CG_TEXT_BODY, _("Where groups differ most"));
  cg_page_layout_keep_with_next (doc);
  for (guint i = 0; i < divides->len; i++)
    {
      guint id = g_array_index (divides, guint, i);
      const CgItem *item = cg_session_lookup_item (session, id);
      g_autoptr (CgGroupStats) st = NULL;
      g_autofree char *label = NULL, *high = NULL, *low = NULL, *line = NULL;

      /* Hidden answers give nothing away here either. */
      if (!cg_chart_item_visible (session, id))
        continue;
      st = cg_analysis_item_groups (session, id);
      label = cg_chart_item_label (session, id);
      high = group_text (&g_array_index (st->groups, CgGroupMean, st->high));
      low = group_text (&g_array_index (st->groups, CgGroupMean, st->low));
      /* TRANSLATORS: item label and text, two groups with their means, the gap */
      line = g_strdup_printf (_("%s  %s — %s, %s: %.1f points apart."), label, item->text, high,
                              low, st->gap);
      cg_page_layout_add_paragraph (doc, CG_TEXT_BODY, line);
      added++;
    }
  if (added == 0)
    cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE,
                                  _("No statement or aim among the answers shown sets two "
                                     "groups 1.5 points or more apart."));
}

/* "By group", as on the Review stage: when two groups or more have
 * partners. */
static void
add_by_group (CgPageLayout *doc,
              CgSession    *session)
{
  g_autoptr (GPtrArray) groups = cg_analysis_group_names (session);

  if (groups->len < 2)
    return;
  cg_page_layout_add_subheading (doc, _("By group"));
  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE,
                                _("Each group’s mean answer in each lesson, and the statements "
                                   "and aims on which two groups are 1.5 points or more apart. "
                                   "A group of one partner shows that partner’s own answers."));
  cg_page_layout_keep_with_next (doc);
  add_figure (doc, session, FIGURE_GROUPS, 0, NULL);
  add_divides (doc, session);
}

void
cg_report_add_charts (CgPageLayout *doc,
                      CgSession    *session)
{
  g_autoptr (GArray) items = NULL;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (doc));
  g_return_if_fail (CG_IS_SESSION (session));

  /* Charts of nobody are empty frames, as on the Review stage. */
  if (cg_session_get_n_partners (session) == 0)
    return;
  items = cg_chart_collect_items (session, CG_CHART_ALL_LESSONS, TRUE);
  cg_page_layout_add_heading (doc, _("Charts"));
  add_tag_key (doc, session);
  cg_page_layout_add_subheading (doc, _("The five lessons"));
  add_figure (doc, session, FIGURE_RADAR, 0, NULL);
  add_by_group (doc, session);
  if (items->len > 0)
    {
      add_heatmaps (doc, session);
      add_strips (doc, session);
    }
}

/* Height of @slice at @width, in the print style. */
static double
slice_height (CgSession               *session,
              const CgRoleMatrixSlice *slice,
              double                   width)
{
  CgChartStyle style;

  cg_chart_style_init_print (&style);
  return cg_role_matrix_get_slice_height_for_width (session, width, &style, slice);
}

/* The most tasks from @slice's first on whose slice fits in @room (at least
 * one). @rows and @rest are the row heights and the fixed part measured
 * once for the whole run of tasks (cg_role_matrix_get_slice_rows()); the
 * guess they give is then checked against the slice itself and cut if it
 * is too tall, since a slice's columns may differ a little from the whole
 * run's (at worst a page ends a row early). Measuring
 * every candidate slice instead made a long role matrix quadratic. */
static guint
tasks_that_fit (CgSession        *session,
                CgRoleMatrixSlice slice,
                double            width,
                double            room,
                const double     *rows,
                double            rest)
{
  guint n_tasks = cg_session_get_n_tasks (session);
  double used = rest;
  guint n = 0;

  while (slice.first_task + n < n_tasks && used + rows[slice.first_task + n] <= room)
    used += rows[slice.first_task + n++];
  slice.n_tasks = MAX (n, 1);
  while (slice.n_tasks > 1 && slice_height (session, &slice, width) > room)
    slice.n_tasks--;
  return slice.n_tasks;
}

static void
add_slice_caption (CgPageLayout            *doc,
                   CgSession               *session,
                   const CgRoleMatrixSlice *s)
{
  /* TRANSLATORS: which part of the role matrix a figure shows */
  g_autofree char *text = g_strdup_printf (
    _("Tasks %u–%u of %u; partners %u–%u of %u."), s->first_task + 1, s->first_task + s->n_tasks,
    cg_session_get_n_tasks (session), s->first_partner + 1, s->first_partner + s->n_partners,
    cg_session_get_n_partners (session));

  cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, text);
  cg_page_layout_keep_with_next (doc);
}

gboolean
cg_report_prints_role_matrix (CgSession *session)
{
  g_return_val_if_fail (CG_IS_SESSION (session), FALSE);

  return (gsize) cg_session_get_n_tasks (session) * cg_session_get_n_partners (session) <=
         CG_REPORT_MAX_MATRIX_CELLS;
}

void
cg_report_add_role_matrix (CgPageLayout *doc,
                           CgSession    *session)
{
  double width = cg_page_layout_get_content_width (doc);
  /* Under the page layout's own limit, so no slice is ever shrunk, with
   * room for its caption. */
  double room = figure_room (doc);
  guint n_tasks, n_partners, groups, per_group;
  gboolean whole;
  CgChartStyle style;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (doc));
  g_return_if_fail (CG_IS_SESSION (session));

  n_tasks = cg_session_get_n_tasks (session);
  n_partners = cg_session_get_n_partners (session);
  if (n_tasks == 0 || n_partners == 0)
    return;
  if (!cg_report_prints_role_matrix (session))
    {
      g_autofree char *note = g_strdup_printf (
        _("A role matrix of %u partners and %u tasks is too big to print usefully, so it is "
           "left out: the table below gives who claims Accountable and Responsible for each "
           "task, and every partner's letters are in the CSV export (common-ground "
           "--export-csv)."),
        n_partners, n_tasks);

      cg_page_layout_add_paragraph (doc, CG_TEXT_NOTE, note);
      return;
    }
  cg_chart_style_init_print (&style);
  /* Too many partners for legible columns: the partners go in groups of
   * about the same size, each with every task. */
  groups = (n_partners + cg_role_matrix_max_partners (session, width, &style) - 1) /
           cg_role_matrix_max_partners (session, width, &style);
  per_group = (n_partners + groups - 1) / groups;
  whole = groups == 1 &&
          slice_height (session, &(CgRoleMatrixSlice){ 0, n_tasks, 0, n_partners }, width) <= room;
  for (guint p = 0; p < n_partners; p += per_group)
    {
      g_autofree double *rows = g_new0 (double, n_tasks);
      double rest = 0;

      if (!whole)
        rest = cg_role_matrix_get_slice_rows (
          session, width, &style,
          &(CgRoleMatrixSlice){ 0, n_tasks, p, MIN (per_group, n_partners - p) }, rows);
      for (guint t = 0; t < n_tasks;)
        {
          CgRoleMatrixSlice slice = { t, 0, p, MIN (per_group, n_partners - p) };

          slice.n_tasks =
            whole ? n_tasks : tasks_that_fit (session, slice, width, room, rows, rest);
          /* The section's heading goes with the first part. */
          if (p == 0 && t == 0)
            cg_page_layout_keep_with_next (doc);
          if (!whole)
            add_slice_caption (doc, session, &slice);
          add_figure_full (doc, session, FIGURE_ROLES, 0, NULL, &slice);
          t += slice.n_tasks;
        }
    }
}

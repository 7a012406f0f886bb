/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-chart-radar"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-chart-radar.h"

#define LABEL_SCALE 0.85
#define LEGEND_SCALE 0.85

typedef struct
{
  double scale, px, pad;
  gboolean legend_right;
  CgRect plot, legend;
  double entry_w, entry_h;
  guint legend_cols;
  double cx, cy, radius, gap;
  double label_w;
  double height;
  const CgRadarEarlier *earlier; /* borrowed; NULL: no earlier line */
} Layout;

/* Longer than any partner's pattern, so the earlier line does not pass
 * for a partner's even in grey. */
const double cg_chart_radar_earlier_dashes[2] = { 4, 3 };

void
cg_chart_partner_stroke (guint          position,
                         const double **dashes,
                         int           *n_dashes,
                         guint         *marker)
{
  static const double dashed[] = { 5, 3 };
  static const double dotted[] = { 1, 2.5 };
  static const double dash_dot[] = { 5, 2.5, 1, 2.5 };
  static const double *const patterns[] = { NULL, dashed, dotted, dash_dot };
  static const int lengths[] = { 0, 2, 2, 4 };
  guint p = (position / 2) % 4;

  *dashes = patterns[p];
  *n_dashes = lengths[p];
  *marker = position % 6;
}

void
cg_chart_draw_marker (cairo_t *cr,
                      guint    marker,
                      double   x,
                      double   y,
                      double   s)
{
  switch (marker % 6)
    {
    case 0:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, s, 0, 2 * G_PI);
      break;
    case 1: cairo_rectangle (cr, x - s * 0.85, y - s * 0.85, s * 1.7, s * 1.7); break;
    case 2:
      cairo_move_to (cr, x, y - s * 1.15);
      cairo_line_to (cr, x + s, y + s * 0.75);
      cairo_line_to (cr, x - s, y + s * 0.75);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - s * 1.2);
      cairo_line_to (cr, x + s * 1.2, y);
      cairo_line_to (cr, x, y + s * 1.2);
      cairo_line_to (cr, x - s * 1.2, y);
      cairo_close_path (cr);
      break;
    case 4:
      cairo_move_to (cr, x, y + s * 1.15);
      cairo_line_to (cr, x + s, y - s * 0.75);
      cairo_line_to (cr, x - s, y - s * 0.75);
      cairo_close_path (cr);
      break;
    default:
      /* A plus, filled: reads apart from the other five shapes. */
      cairo_rectangle (cr, x - s * 1.1, y - s * 0.4, s * 2.2, s * 0.8);
      cairo_rectangle (cr, x - s * 0.4, y - s * 1.1, s * 0.8, s * 2.2);
      break;
    }
}

static char *
axis_label (CgSession *session,
            guint      lesson)
{
  if (cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (lesson)))
    return g_strdup_printf ("%u %s", lesson + 1, cg_lesson_get_title (lesson));
  return g_strdup_printf (_("%u %s (hidden)"), lesson + 1, cg_lesson_get_title (lesson));
}

static PangoLayout *
label_layout (cairo_t            *cr,
              CgSession          *session,
              const CgChartStyle *style,
              const Layout       *l,
              guint               lesson)
{
  g_autofree char *text = axis_label (session, lesson);

  return cg_chart_style_layout (cr, style, text, l->scale * LABEL_SCALE, FALSE, l->label_w, 3);
}

static void
unit_vector (guint   k,
             double *ux,
             double *uy)
{
  double a = -G_PI / 2 + k * 2 * G_PI / CG_N_LESSONS;

  *ux = cos (a);
  *uy = sin (a);
}

/* The box of lesson @k's label for a radar of radius @r centred at (cx, cy). */
static void
label_box (double  cx,
           double  cy,
           double  r,
           double  gap,
           guint   k,
           double  bw,
           double  bh,
           CgRect *box)
{
  double ux, uy, ax, ay;

  unit_vector (k, &ux, &uy);
  ax = cx + (r + gap) * ux;
  ay = cy + (r + gap) * uy;
  box->width = bw;
  box->height = bh;
  box->x = ux > 0.25 ? ax : ux < -0.25 ? ax - bw : ax - bw / 2;
  box->y = uy < -0.5 ? ay - bh : uy > 0.5 ? ay : ay - bh / 2;
}

static gboolean
radius_fits (const Layout *l,
             const double  bw[],
             const double  bh[],
             double        r,
             double       *cy)
{
  double top = r + l->gap + bh[0];
  double bottom = 0.81 * (r + l->gap) + MAX (bh[2], bh[3]);

  *cy = l->plot.y + (l->plot.height - top - bottom) / 2 + top;
  if (top + bottom > l->plot.height)
    return FALSE;
  for (guint k = 0; k < CG_N_LESSONS; k++)
    {
      CgRect b;

      label_box (l->cx, *cy, r, l->gap, k, bw[k], bh[k], &b);
      if (b.x < l->plot.x || b.x + b.width > l->plot.x + l->plot.width || b.y < l->plot.y ||
          b.y + b.height > l->plot.y + l->plot.height)
        return FALSE;
    }
  return TRUE;
}

static void
layout_radius (cairo_t            *cr,
               CgSession          *session,
               const CgChartStyle *style,
               Layout             *l)
{
  double bw[CG_N_LESSONS], bh[CG_N_LESSONS], lo = 0, hi, cy = 0;

  l->gap = l->px * 0.4;
  l->label_w = MAX (l->px * 6, l->plot.width * 0.27);
  for (guint k = 0; k < CG_N_LESSONS; k++)
    {
      g_autoptr (PangoLayout) layout = label_layout (cr, session, style, l, k);

      cg_render_layout_size (layout, &bw[k], &bh[k]);
    }
  l->cx = l->plot.x + l->plot.width / 2;
  hi = MIN (l->plot.width, l->plot.height) / 2;
  /* Bisect for the largest radius whose labels stay inside the plot. */
  for (int i = 0; i < 30; i++)
    {
      double mid = (lo + hi) / 2;

      if (radius_fits (l, bw, bh, mid, &cy))
        lo = mid;
      else
        hi = mid;
    }
  l->radius = lo;
  radius_fits (l, bw, bh, lo, &cy);
  l->cy = cy;
}

static double
legend_entry_width (cairo_t            *cr,
                    CgSession          *session,
                    const CgChartStyle *style,
                    const Layout       *l)
{
  double widest = 0;

  for (guint i = 0; i <= cg_session_get_n_partners (session); i++)
    {
      const char *name = i < cg_session_get_n_partners (session)
                           ? cg_session_get_partner (session, i)->name
                           : _("Group");
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, style, name, l->scale * LEGEND_SCALE, FALSE, 0, 0);
      double w;

      cg_render_layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  if (l->earlier != NULL)
    {
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, style, l->earlier->label, l->scale * LEGEND_SCALE, FALSE, 0, 0);
      double w;

      cg_render_layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest + l->px * 3; /* the line sample and a gap */
}

static void
layout_legend (cairo_t            *cr,
               CgSession          *session,
               const CgChartStyle *style,
               double              width,
               double              height,
               Layout             *l)
{
  guint n = cg_session_get_n_partners (session) + 1 + (l->earlier != NULL ? 1 : 0);
  g_autoptr (PangoLayout) probe =
    cg_chart_style_layout (cr, style, "Ay", l->scale * LEGEND_SCALE, FALSE, 0, 0);
  double natural = legend_entry_width (cr, session, style, l);
  guint rows;

  cg_render_layout_size (probe, NULL, &l->entry_h);
  l->entry_h += l->pad * 0.4;
  l->legend_right = width >= height * 1.25;
  if (l->legend_right)
    {
      l->entry_w = MIN (natural, width * 0.3);
      l->legend_cols = 1;
      rows = n;
      l->legend = (CgRect){ width - l->pad - l->entry_w, l->pad, l->entry_w, rows * l->entry_h };
      l->plot = (CgRect){ l->pad, l->pad, l->legend.x - 2 * l->pad, height - 2 * l->pad };
      return;
    }
  l->entry_w = MIN (natural, width - 2 * l->pad);
  /* One very long name must not put every entry on a row of its own: with
   * many partners the columns stay, and long names are ellipsized (the
   * partners' list has them in full). */
  if (n > 6)
    l->entry_w = MIN (l->entry_w, (width - 2 * l->pad) / (width >= l->px * 36 ? 3 : 2));
  l->legend_cols = MAX (1, (guint) ((width - 2 * l->pad) / l->entry_w));
  l->entry_w = (width - 2 * l->pad) / l->legend_cols;
  rows = (n + l->legend_cols - 1) / l->legend_cols;
  l->legend =
    (CgRect){ l->pad, height - l->pad - rows * l->entry_h, width - 2 * l->pad, rows * l->entry_h };
  l->plot = (CgRect){ l->pad, l->pad, width - 2 * l->pad, l->legend.y - 2 * l->pad };
}

static void
layout_compute (cairo_t            *cr,
                CgSession          *session,
                const CgChartStyle *style,
                double              width,
                double              height,
                double              scale,
                Layout             *l)
{
  l->scale = scale;
  l->px = cg_chart_style_font_px (style, scale);
  l->pad = l->px * 0.5;
  layout_legend (cr, session, style, width, height, l);
  layout_radius (cr, session, style, l);
  l->height = height;
}

/* The radar shrinks its text while that buys a usefully larger radius or
 * the legend does not fit. */
static void
layout_fit (cairo_t              *cr,
            CgSession            *session,
            const CgChartStyle   *style,
            double                width,
            double                height,
            const CgRadarEarlier *earlier,
            Layout               *l)
{
  double min_scale = style->min_font_size / style->font_size;
  double scale = 1.0;

  l->earlier = earlier;
  layout_compute (cr, session, style, width, height, scale, l);
  while (scale > min_scale && (l->radius < l->px * 4 || l->legend.height > height - 2 * l->pad ||
                               l->plot.height < l->px * 6))
    {
      scale = MAX (min_scale, scale * 0.85);
      layout_compute (cr, session, style, width, height, scale, l);
    }
}

static void
point_at (const Layout *l,
          guint         lesson,
          double        value,
          double       *x,
          double       *y)
{
  double ux, uy;

  unit_vector (lesson, &ux, &uy);
  *x = l->cx + l->radius * value / CG_RATING_MAX * ux;
  *y = l->cy + l->radius * value / CG_RATING_MAX * uy;
}

static void
draw_web (cairo_t            *cr,
          CgSession          *session,
          const CgChartStyle *style,
          const Layout       *l)
{
  cairo_save (cr);
  cg_rgb_set_source (cr, &style->grid, 1.0);
  cairo_set_line_width (cr, style->high_contrast ? 1.5 : 1.0);
  for (guint v = 1; v <= CG_RATING_MAX; v++)
    {
      for (guint k = 0; k < CG_N_LESSONS; k++)
        {
          double x, y;

          point_at (l, k, v, &x, &y);
          k == 0 ? cairo_move_to (cr, x, y) : cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
  for (guint k = 0; k < CG_N_LESSONS; k++)
    {
      double x, y;

      point_at (l, k, CG_RATING_MAX, &x, &y);
      cairo_move_to (cr, l->cx, l->cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint v = 1; v <= CG_RATING_MAX; v++)
    {
      g_autofree char *t = g_strdup_printf ("%u", v);
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, style, t, l->scale * 0.7, FALSE, 0, 0);
      double x, y;

      point_at (l, 0, v, &x, &y);
      cg_render_layout_show (cr, layout, x + 3, y, &style->muted);
    }
}

static void
draw_labels (cairo_t            *cr,
             CgSession          *session,
             const CgChartStyle *style,
             const Layout       *l)
{
  for (guint k = 0; k < CG_N_LESSONS; k++)
    {
      g_autoptr (PangoLayout) layout = label_layout (cr, session, style, l, k);
      double ux, uy, bw, bh;
      CgRect box;

      unit_vector (k, &ux, &uy);
      cg_render_layout_size (layout, &bw, &bh);
      label_box (l->cx, l->cy, l->radius, l->gap, k, bw, bh, &box);
      /* The layout is label_w wide; align its lines towards the axis. */
      pango_layout_set_width (layout, (int) (bw * PANGO_SCALE) + 1);
      pango_layout_set_alignment (layout, ux > 0.25    ? PANGO_ALIGN_LEFT
                                          : ux < -0.25 ? PANGO_ALIGN_RIGHT
                                                       : PANGO_ALIGN_CENTER);
      cg_render_layout_show (cr, layout, box.x, box.y, &style->fg);
    }
}

static void
series_path (cairo_t      *cr,
             const Layout *l,
             const double  values[CG_N_LESSONS])
{
  for (guint k = 0; k < CG_N_LESSONS; k++)
    {
      guint next = (k + 1) % CG_N_LESSONS;
      double x0, y0, x1, y1;

      if (isnan (values[k]) || isnan (values[next]))
        continue;
      point_at (l, k, values[k], &x0, &y0);
      point_at (l, next, values[next], &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
    }
}

/* Draws one line through the lessons' values, broken where a value is
 * missing (NAN) or its lesson hidden. A @casing colour (high contrast: the
 * background) edges the line, so it stands clear of the web and of the
 * lines it crosses; the partner colour itself already reaches 7:1 against
 * the background (cg_chart_style_partner_colour()), and an edge in the
 * text colour would only sink a darkened colour into black. */
static void
draw_series (cairo_t      *cr,
             const Layout *l,
             const double  values[CG_N_LESSONS],
             const CgRgb  *colour,
             double        line_width,
             const double *dashes,
             int           n_dashes,
             guint         marker,
             double        marker_size,
             const CgRgb  *ring,
             const CgRgb  *casing)
{
  double dash_units[4];

  for (int i = 0; i < n_dashes; i++)
    dash_units[i] = dashes[i] * line_width;
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash_units, n_dashes, 0);
  if (casing != NULL)
    {
      cairo_set_line_width (cr, line_width * 2);
      cg_rgb_set_source (cr, casing, 1.0);
      series_path (cr, l, values);
      cairo_stroke (cr);
    }
  cairo_set_line_width (cr, line_width);
  cg_rgb_set_source (cr, colour, 1.0);
  series_path (cr, l, values);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint k = 0; k < CG_N_LESSONS; k++)
    {
      double x, y;

      if (isnan (values[k]))
        continue;
      point_at (l, k, values[k], &x, &y);
      cg_chart_draw_marker (cr, marker, x, y, marker_size);
      cg_rgb_set_source (cr, colour, 1.0);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, casing != NULL ? line_width * 0.6 : 1.0);
      cg_rgb_set_source (cr, casing != NULL ? casing : ring, 1.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

typedef struct
{
  double group[CG_N_LESSONS];
  double *partners; /* n_partners x CG_N_LESSONS */
} Values;

static void
values_collect (CgSession *session,
                Values    *v)
{
  guint n = cg_session_get_n_partners (session);

  v->partners = g_new (double, MAX (n, 1) * CG_N_LESSONS);
  for (guint k = 0; k < CG_N_LESSONS; k++)
    {
      g_autoptr (CgLessonStats) st = cg_analysis_lesson (session, k);
      gboolean visible = cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (k));

      v->group[k] = visible && st != NULL ? st->group_mean : NAN;
      for (guint p = 0; p < n; p++)
        v->partners[p * CG_N_LESSONS + k] = visible && st != NULL && p < st->partner_means->len
                                              ? g_array_index (st->partner_means, double, p)
                                              : NAN;
    }
}

static void
draw_legend_entry (cairo_t            *cr,
                   const CgChartStyle *style,
                   const Layout       *l,
                   guint               index,
                   const char         *name,
                   const CgRgb        *colour,
                   double              lw,
                   guint               position,
                   gboolean            group,
                   gboolean            earlier)
{
  guint row = l->legend_right ? index : index / l->legend_cols;
  guint col = l->legend_right ? 0 : index % l->legend_cols;
  double x = l->legend.x + col * l->entry_w, y = l->legend.y + row * l->entry_h;
  double mid = y + l->entry_h / 2, sample = l->px * 2.2;
  const double *dashes = NULL;
  int n_dashes = 0;
  guint marker = 0;
  double dash_units[4];
  g_autoptr (PangoLayout) layout = cg_chart_style_layout (cr, style, name, l->scale * LEGEND_SCALE,
                                                          group, l->entry_w - sample - l->pad, 1);

  cg_render_layout_hug (layout);
  if (earlier)
    {
      dashes = cg_chart_radar_earlier_dashes;
      n_dashes = G_N_ELEMENTS (cg_chart_radar_earlier_dashes);
    }
  else if (!group)
    cg_chart_partner_stroke (position, &dashes, &n_dashes, &marker);
  for (int i = 0; i < n_dashes; i++)
    dash_units[i] = dashes[i] * lw;
  cairo_save (cr);
  cg_rgb_set_source (cr, colour, 1.0);
  cairo_set_line_width (cr, lw);
  cairo_set_dash (cr, dash_units, n_dashes, 0);
  cairo_move_to (cr, x, mid);
  cairo_line_to (cr, x + sample, mid);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (!earlier)
    {
      cg_chart_draw_marker (cr, marker, x + sample / 2, mid, l->px * 0.3);
      cairo_fill (cr);
    }
  cairo_restore (cr);
  cg_render_layout_show (cr, layout, x + sample + l->pad * 0.6, y + l->pad * 0.2, &style->fg);
}

void
cg_chart_radar_draw (cairo_t            *cr,
                     double              width,
                     double              height,
                     CgSession          *session,
                     const CgChartStyle *style)
{
  cg_chart_radar_draw_full (cr, width, height, session, style, NULL);
}

/* No markers on the earlier line: its points would read as this round's. */
static void
draw_earlier (cairo_t            *cr,
              const Layout       *l,
              const CgChartStyle *style,
              double              lw)
{
  double units[G_N_ELEMENTS (cg_chart_radar_earlier_dashes)];

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    units[i] = cg_chart_radar_earlier_dashes[i] * lw;
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, units, G_N_ELEMENTS (units), 0);
  cairo_set_line_width (cr, lw);
  cg_rgb_set_source (cr, &style->fg, 1.0);
  series_path (cr, l, l->earlier->group);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
cg_chart_radar_draw_full (cairo_t              *cr,
                          double                width,
                          double                height,
                          CgSession            *session,
                          const CgChartStyle   *style,
                          const CgRadarEarlier *earlier)
{
  guint n;
  Values v;
  Layout l;
  double lw;

  g_return_if_fail (cr != NULL && style != NULL && CG_IS_SESSION (session));
  n = cg_session_get_n_partners (session);
  layout_fit (cr, session, style, width, height, earlier, &l);
  values_collect (session, &v);
  lw = MAX (style->line_width, l.px * 0.12);

  draw_web (cr, session, style, &l);
  for (guint p = 0; p < n; p++)
    {
      const CgPartner *partner = cg_session_get_partner (session, p);
      CgRgb colour = cg_chart_style_partner_colour (style, partner);
      const double *dashes;
      int n_dashes;
      guint marker;

      cg_chart_partner_stroke (p, &dashes, &n_dashes, &marker);
      draw_series (cr, &l, &v.partners[p * CG_N_LESSONS], &colour, lw, dashes, n_dashes, marker,
                   l.px * 0.32, &style->bg, style->high_contrast ? &style->bg : NULL);
      draw_legend_entry (cr, style, &l, p, partner->name, &colour, lw, p, FALSE, FALSE);
    }
  if (earlier != NULL)
    {
      draw_earlier (cr, &l, style, lw * 1.5);
      draw_legend_entry (cr, style, &l, n + 1, earlier->label, &style->fg, lw * 1.5, 0, FALSE,
                         TRUE);
    }
  /* The group last and thickest, so it reads above the partners' lines. */
  draw_series (cr, &l, v.group, &style->fg, lw * 2.5, NULL, 0, 0, l.px * 0.3, &style->bg, NULL);
  draw_legend_entry (cr, style, &l, n, _("Group"), &style->fg, lw * 2.5, 0, TRUE, FALSE);
  draw_labels (cr, session, style, &l);
  g_free (v.partners);
}

double
cg_chart_radar_get_height_for_width (CgSession          *session,
                                     double              width,
                                     const CgChartStyle *style)
{
  guint n;
  double px, rows, per_row;

  g_return_val_if_fail (CG_IS_SESSION (session) && style != NULL, 0);
  /* Under the radar the legend takes about four entries a row at base size. */
  n = cg_session_get_n_partners (session) + 1;
  px = style->font_size;
  per_row = MAX (1.0, floor (width / (px * 14)));
  rows = ceil (n / per_row);
  return ceil (MIN (width * 0.75, px * 40) + rows * px * 1.5 + px * 2);
}

gboolean
cg_chart_radar_locate (cairo_t            *cr,
                       double              width,
                       double              height,
                       CgSession          *session,
                       const CgChartStyle *style,
                       guint               lesson,
                       double              value,
                       double             *x,
                       double             *y)
{
  return cg_chart_radar_locate_full (cr, width, height, session, style, NULL, lesson, value, x, y);
}

gboolean
cg_chart_radar_locate_full (cairo_t              *cr,
                            double                width,
                            double                height,
                            CgSession            *session,
                            const CgChartStyle   *style,
                            const CgRadarEarlier *earlier,
                            guint                 lesson,
                            double                value,
                            double               *x,
                            double               *y)
{
  Layout l;

  g_return_val_if_fail (cr != NULL && CG_IS_SESSION (session) && style != NULL, FALSE);
  g_return_val_if_fail (lesson < CG_N_LESSONS, FALSE);
  layout_fit (cr, session, style, width, height, earlier, &l);
  point_at (&l, lesson, value, x, y);
  return TRUE;
}

char *
cg_chart_radar_describe (CgSession *session)
{
  return cg_chart_radar_describe_full (session, NULL);
}

char *
cg_chart_radar_describe_full (CgSession            *session,
                              const CgRadarEarlier *earlier)
{
  GString *s;
  Values v;
  guint n;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  n = cg_session_get_n_partners (session);
  values_collect (session, &v);
  s = g_string_new (
    _("Radar chart of the five lessons, mean rating per partner and for the group."));
  for (guint k = 0; k < CG_N_LESSONS; k++)
    {
      g_string_append_printf (s, " %s:", cg_lesson_get_title (k));
      if (!cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (k)))
        {
          g_string_append_printf (s, " %s", _("hidden until revealed."));
          continue;
        }
      if (isnan (v.group[k]))
        g_string_append_printf (s, " %s", _("no answers yet."));
      else
        g_string_append_printf (s, _(" group %.1f"), v.group[k]);
      for (guint p = 0; p < n && !isnan (v.group[k]); p++)
        {
          double m = v.partners[p * CG_N_LESSONS + k];

          if (!isnan (m))
            g_string_append_printf (s, ", %s %.1f", cg_session_get_partner (session, p)->name, m);
        }
      if (earlier != NULL && !isnan (v.group[k]) && !isnan (earlier->group[k]))
        /* TRANSLATORS: the group mean of a lesson in the earlier session */
        g_string_append_printf (s, _(", earlier %.1f"), earlier->group[k]);
      if (!isnan (v.group[k]))
        g_string_append_c (s, '.');
    }
  g_free (v.partners);
  return g_string_free (s, FALSE);
}

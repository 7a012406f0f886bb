/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-chart-radar.h: the five lessons on a radar (spider) chart.
 *
 * One line per partner (its colour, plus a dash pattern and marker shape of
 * its own so that lines part without colour), the group mean as a thick
 * line, the axes labelled with the lesson titles, and a legend naming every
 * line. The legend sits beside the radar in a wide box and under it in a
 * narrow one. Lessons whose answers are hidden carry "(hidden)" and no
 * points; lines break there.
 */
#pragma once

#include "cg-chart-style.h"

G_BEGIN_DECLS

void cg_chart_radar_draw (
  cairo_t *cr, double width, double height, CgSession *session, const CgChartStyle *style);
double cg_chart_radar_get_height_for_width (CgSession *session,
                                            double width,
                                            const CgChartStyle *style);
/* Where @value (1..5) on @lesson's axis is drawn in this box. */
gboolean cg_chart_radar_locate (cairo_t *cr,
                                double width,
                                double height,
                                CgSession *session,
                                const CgChartStyle *style,
                                guint lesson,
                                double value,
                                double *x,
                                double *y);
char *cg_chart_radar_describe (CgSession *session);

/* An earlier round's group line (Since last time): its group mean per
 * lesson (NAN where it had none) and the legend's name for it. It is drawn
 * dashed in the group's colour, under the current group line. */
typedef struct
{
  double group[CG_N_LESSONS];
  const char *label;
} CgRadarEarlier;

/* The same with an earlier group line; @earlier may be NULL. */
void cg_chart_radar_draw_full (cairo_t *cr,
                               double width,
                               double height,
                               CgSession *session,
                               const CgChartStyle *style,
                               const CgRadarEarlier *earlier);
gboolean cg_chart_radar_locate_full (cairo_t *cr,
                                     double width,
                                     double height,
                                     CgSession *session,
                                     const CgChartStyle *style,
                                     const CgRadarEarlier *earlier,
                                     guint lesson,
                                     double value,
                                     double *x,
                                     double *y);
char *cg_chart_radar_describe_full (CgSession *session, const CgRadarEarlier *earlier);
/* The dash pattern of the earlier line, in line widths. */
extern const double cg_chart_radar_earlier_dashes[2];

/* The dash pattern (in line widths; n = 0 for solid) and marker shape
 * (0..5) that set partner @position apart. No two of the first 12 share
 * both. */
void cg_chart_partner_stroke (guint position, const double **dashes, int *n_dashes, guint *marker);
void cg_chart_draw_marker (cairo_t *cr, guint marker, double x, double y, double size);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-chart-dots.h: the dot strip of one rated item (statement or aim).
 *
 * The item's label and text with its level badge (in words) at the top; the
 * 1-5 scale with its words; one dot per partner in the partner's colour with
 * the partner's tag inside, answers on the same point stacked upwards (never
 * hidden behind each other); a mean marker under the axis; a footer line with
 * the mean and the counts of "don't know" and missing answers.
 *
 * Hidden answers (cg_session_answers_visible() FALSE for the item's stage):
 * no dots, no mean, no level; the strip says the answers are hidden.
 */
#pragma once

#include "cg-chart-style.h"

G_BEGIN_DECLS

/* Where things are, for tests and for pointer hit-testing. */
typedef struct
{
  double scale_x[CG_RATING_MAX + 1]; /* x of the ticks 1..5; [0] unused */
  double axis_y;
  double dot_radius;
  CgRect badge;  /* empty when the answers are hidden */
  double height; /* height the content needs at this width */
} CgDotsGeometry;

void cg_chart_dots_draw (cairo_t *cr,
                         double width,
                         double height,
                         CgSession *session,
                         guint item_id,
                         const CgChartStyle *style);
/* Natural height at @width (measured on a scratch context). */
double cg_chart_dots_get_height_for_width (CgSession *session,
                                           guint item_id,
                                           double width,
                                           const CgChartStyle *style);
/* The layout cg_chart_dots_draw() uses for this box; FALSE if @item_id is unknown. */
gboolean cg_chart_dots_get_geometry (cairo_t *cr,
                                     double width,
                                     double height,
                                     CgSession *session,
                                     guint item_id,
                                     const CgChartStyle *style,
                                     CgDotsGeometry *out);
/* Centre of @partner_id's dot; FALSE when it has no dot (no 1-5 answer, or
 * hidden). */
gboolean cg_chart_dots_locate_partner (cairo_t *cr,
                                       double width,
                                       double height,
                                       CgSession *session,
                                       guint item_id,
                                       guint partner_id,
                                       const CgChartStyle *style,
                                       double *x,
                                       double *y);
/* A plain-text summary for the accessible description. */
char *cg_chart_dots_describe (CgSession *session, guint item_id);

G_END_DECLS

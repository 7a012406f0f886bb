/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-chart-heatmap.h: partners x items, each cell shaded by the rating and
 * carrying the rating as a number (so colour is never the only cue).
 *
 * Partner names (with a swatch of their colour) run down the left; items are
 * columns labelled "3.2" / "A1", with a key under the grid giving each
 * label's text, and a legend of the shades. Items whose stage is hidden show
 * hatched, empty cells. Everything shrinks towards the style's minimum font
 * size to fit; past that the key is cut with "and N more".
 */
#pragma once

#include "cg-chart-style.h"

G_BEGIN_DECLS

void cg_chart_heatmap_draw (cairo_t *cr,
                            double width,
                            double height,
                            CgSession *session,
                            const guint *item_ids,
                            guint n_items,
                            const CgChartStyle *style);
double cg_chart_heatmap_get_height_for_width (CgSession *session,
                                              const guint *item_ids,
                                              guint n_items,
                                              double width,
                                              const CgChartStyle *style);
/* Whether every cell of the heat map shows its rating legibly within
 * @width x @height (with the fonts no smaller than the style allows). */
gboolean cg_chart_heatmap_is_legible (CgSession *session,
                                      const guint *item_ids,
                                      guint n_items,
                                      double width,
                                      double height,
                                      const CgChartStyle *style);
/* The cell of item @item_index (into @item_ids) and partner @partner_pos, as
 * cg_chart_heatmap_draw() lays it out in this box. */
gboolean cg_chart_heatmap_get_cell (cairo_t *cr,
                                    double width,
                                    double height,
                                    CgSession *session,
                                    const guint *item_ids,
                                    guint n_items,
                                    const CgChartStyle *style,
                                    guint item_index,
                                    guint partner_pos,
                                    CgRect *out);
char *cg_chart_heatmap_describe (CgSession *session, const guint *item_ids, guint n_items);

/* Groups x lessons: one row per group (cg_analysis_lesson_groups()), one
 * column per lesson; a cell is the group's mean answer in the lesson,
 * shaded by its nearest whole point and written to one decimal. A group of
 * one partner is named "(one partner)"; lessons whose answers are hidden
 * are hatched for every group. */
void cg_chart_group_heatmap_draw (
  cairo_t *cr, double width, double height, CgSession *session, const CgChartStyle *style);
double cg_chart_group_heatmap_get_height_for_width (CgSession *session,
                                                    double width,
                                                    const CgChartStyle *style);
gboolean cg_chart_group_heatmap_get_cell (cairo_t *cr,
                                          double width,
                                          double height,
                                          CgSession *session,
                                          const CgChartStyle *style,
                                          guint lesson,
                                          guint group,
                                          CgRect *out);
char *cg_chart_group_heatmap_describe (CgSession *session);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-chart-style.h: the look every chart takes, and what the charts share.
 *
 * One style struct lets the screen (light, dark, high contrast), the printer
 * and PDF share the drawing code. Sizes are in cairo user units: pixels on
 * screen, points in print and PDF.
 *
 * Colours come from palettes that readers with the common colour-vision
 * deficiencies can tell apart (Okabe-Ito for levels, ColorBrewer PuOr for
 * the rating shades), and every colour has a textual twin: level badges
 * carry their words, heat-map cells their number, role flags their name.
 *
 * Hidden answers: the charts themselves honour cg_session_answers_visible().
 * A stage that is hidden and not yet revealed shows no answers in any chart
 * (the dot strip and role matrix say so in words; the heat map and radar
 * leave those items blank and mark them hidden). Callers never need to
 * filter, and cannot leak hidden answers by forgetting to.
 */
#pragma once

#include "cg-render.h"
#include "cg-analysis.h"

G_BEGIN_DECLS

typedef struct
{
  CgRgb fg;             /* text, axes, the group line */
  CgRgb bg;             /* what the chart is drawn on (the caller paints it) */
  CgRgb muted;          /* secondary text */
  CgRgb grid;           /* grid lines, cell borders */
  CgRgb agreed;         /* level colours: badges and flags */
  CgRgb agreed_not_yet; /* agreed that it is not true (yet): a finding, not a success */
  CgRgb partly;
  CgRgb divergent;
  CgRgb not_enough;
  CgRgb shades[CG_RATING_MAX + 1]; /* heat-map cell fills, shades[1..5] */
  CgRgb dont_know;                 /* heat-map cell fill for "don't know" */
  const char *font_family;
  double font_size;     /* base text size; charts scale their labels from it */
  double min_font_size; /* labels never shrink below this; they wrap or ellipsize */
  double line_width;
  gboolean high_contrast;
  /* The dot strip leaves out the item's label and text (the presentation
   * view shows them itself, larger); the level badge stays. */
  gboolean hide_item_title;
} CgChartStyle;

void cg_chart_style_init_light (CgChartStyle *style);
void cg_chart_style_init_dark (CgChartStyle *style);
void cg_chart_style_init_high_contrast (CgChartStyle *style, gboolean dark);
/* Black on white, sizes in points for A4/Letter pages. */
void cg_chart_style_init_print (CgChartStyle *style);

const CgRgb *cg_chart_style_level_colour (const CgChartStyle *style, CgLevel level);

/* A layout in the style's font at @scale times its base size (never below
 * min_font_size), fitted to @max_width and @max_lines (0 = unbounded). */
PangoLayout *cg_chart_style_layout (cairo_t *cr,
                                    const CgChartStyle *style,
                                    const char *text,
                                    double scale,
                                    gboolean bold,
                                    double max_width,
                                    int max_lines);
/* The font size actually used for @scale (clamped at min_font_size). */
double cg_chart_style_font_px (const CgChartStyle *style, double scale);

/* A rounded badge: @text on @fill, with an outline so that a pale fill still
 * reads on the background. Measure with @cr and draw = FALSE. */
void cg_chart_draw_badge (cairo_t *cr,
                          const CgChartStyle *style,
                          const char *text,
                          const CgRgb *fill,
                          double scale,
                          double x,
                          double y,
                          gboolean draw,
                          double *width,
                          double *height);
/* The level badge says the level in words: "Agreed", "Partly agreed",
 * "Divergent", "Not enough answers". */
void cg_chart_draw_level_badge (cairo_t *cr,
                                const CgChartStyle *style,
                                CgLevel level,
                                double scale,
                                double x,
                                double y,
                                gboolean draw,
                                double *width,
                                double *height);

/* An item's badge: cg_item_stats_label() on its level's colour, or on
 * agreed_not_yet for "Agreed: not yet" and "Agreed: not a priority". */
const CgRgb *cg_chart_style_item_colour (const CgChartStyle *style, const CgItemStats *stats);
void cg_chart_draw_item_badge (cairo_t *cr,
                               const CgChartStyle *style,
                               const CgItemStats *stats,
                               double scale,
                               double x,
                               double y,
                               gboolean draw,
                               double *width,
                               double *height);

/* Short unique tags for partners, in partner order: initials ("JS"), with
 * the position added when two partners share them ("JS2"). NULL-terminated. */
char **cg_chart_partner_tags (CgSession *session);
CgRgb cg_chart_partner_colour (const CgPartner *partner);

/* What high contrast asks of text and marks against their background. */
#define CG_CHART_HC_RATIO 7.0
/* @colour as a chart mark in @style: as it is in the ordinary styles; in
 * high contrast darkened (light) or lightened (dark) with its hue kept until
 * it reaches CG_CHART_HC_RATIO against style->bg. Words on such a fill in
 * cg_rgb_text_on() then reach it too (the ink is style->bg's opposite). */
CgRgb cg_chart_style_mark_colour (const CgChartStyle *style, const CgRgb *colour);
/* A partner's colour as every chart draws it: cg_chart_style_mark_colour()
 * of cg_chart_partner_colour(). */
CgRgb cg_chart_style_partner_colour (const CgChartStyle *style, const CgPartner *partner);

G_END_DECLS

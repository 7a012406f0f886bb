/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-render.h: helpers shared by every drawing of the render floor. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue;
} CgRgb;

typedef struct
{
  double x, y, width, height;
} CgRect;

/* Parses "#rrggbb"; returns FALSE (and mid grey) for anything else. */
gboolean cg_rgb_parse (const char *spec, CgRgb *out);
void cg_rgb_set_source (cairo_t *cr, const CgRgb *rgb, double alpha);
/* WCAG relative luminance and contrast ratio (1..21). */
double cg_rgb_luminance (const CgRgb *rgb);
double cg_rgb_contrast (const CgRgb *a, const CgRgb *b);
/* Black or white, whichever reads better on @fill. */
CgRgb cg_rgb_text_on (const CgRgb *fill);
/* @a mixed towards @b by @t (0 = a, 1 = b). */
CgRgb cg_rgb_mix (const CgRgb *a, const CgRgb *b, double t);
/* @colour made to reach @ratio against @bg with its hue kept: darkened on a
 * light @bg (its linear light scaled down, which keeps its chromaticity),
 * lightened on a dark one (scaled up to full strength, then mixed towards
 * white). Only as far as needed, in whole 8-bit steps so that what is drawn
 * is what was measured; unchanged when it already reaches @ratio. */
CgRgb cg_rgb_with_contrast (const CgRgb *colour, const CgRgb *bg, double ratio);
/* "#rrggbb" for @rgb (free it). */
char *cg_rgb_to_string (const CgRgb *rgb);

/* A cairo context on a 1x1 image surface, for measuring text when there is
 * nothing to draw on yet (height-for-width requests). */
cairo_t *cg_render_scratch_context_new (void);

/* A layout whose font size is @size_px in cairo user units. Metrics are not
 * hinted, so measuring on a scratch context and drawing on the screen, a
 * printer or PDF give the same line breaks. */
PangoLayout *cg_render_layout_new (
  cairo_t *cr, const char *family, double size_px, gboolean bold, const char *text);
/* Wraps @layout to @max_width and cuts it at @max_lines lines with an
 * ellipsis (max_lines 1 = one ellipsized line). Returns TRUE when the text
 * had to be cut. */
gboolean cg_render_layout_fit (PangoLayout *layout, double max_width, int max_lines);
/* A label that sits beside its marker starts at the marker whatever its
 * script: a fitted layout that needed no cutting drops its width, so a
 * right-to-left name is not pushed to the far end of its box. */
void cg_render_layout_hug (PangoLayout *layout);
void cg_render_layout_size (PangoLayout *layout, double *width, double *height);
/* Draws @layout with its top-left corner at (@x, @y). */
void cg_render_layout_show (
  cairo_t *cr, PangoLayout *layout, double x, double y, const CgRgb *colour);

void cg_render_rounded_rect (
  cairo_t *cr, double x, double y, double width, double height, double radius);
gboolean cg_rect_contains (const CgRect *rect, double x, double y);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render-util.h: sessions built in code and pixel checks for the render tests. */
#pragma once

#include <cairo.h>
#include "cg-chart-style.h"

G_BEGIN_DECLS

/* The margin around every chart: it must stay background. */
#define RU_MARGIN 40

/* Four partners, statements in every lesson, two aims, two tasks.
 * Lesson 1: s[0] agreed (4,5,5,4), s[1] divergent (1,5,4,?),
 * s[2] partly agreed (3,3,4,5). Task 0 clear, task 1 a gap. */
typedef struct
{
  CgSession *session;
  guint partners[12];
  guint lesson1[3];
  guint aims[2];
  guint tasks[2];
} RuFixture;

void ru_fixture_four (RuFixture *f);
/* Twelve partners with long names; everyone rates lesson 1's first
 * statement 5, so twelve dots stack on one point. */
void ru_fixture_twelve (RuFixture *f);
void ru_fixture_clear (RuFixture *f);

/* A surface RU_MARGIN larger on every side, filled with @bg; the returned
 * context is translated so (0, 0) is the chart's corner. */
cairo_t *ru_canvas_new (double width, double height, const CgRgb *bg);
void ru_canvas_save (cairo_t *cr, const char *name);

/* Pixel of the canvas at chart coordinates (x, y). */
CgRgb ru_pixel (cairo_t *cr, double x, double y);
gboolean ru_rgb_near (const CgRgb *a, const CgRgb *b);
/* TRUE when every pixel of the margin is @bg. */
gboolean ru_margin_is_background (cairo_t *cr, const CgRgb *bg);
/* Number of pixels in the chart rect that are @colour (or, with @invert,
 * that are not). */
guint ru_count_pixels (cairo_t *cr, const CgRect *rect, const CgRgb *colour, gboolean invert);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-render.h: helpers shared by every drawing of the render floor. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue;
} CgRgb;

/* Parses "#rrggbb"; returns FALSE (and mid grey) for anything else. */
gboolean cg_rgb_parse (const char *spec, CgRgb *out);
void     cg_rgb_set_source (cairo_t *cr, const CgRgb *rgb, double alpha);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-render"
#include "config.h"

#include <string.h>

#include "cg-render.h"

gboolean
cg_rgb_parse (const char *spec, CgRgb *out)
{
  guint v = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  out->red = out->green = out->blue = 0.5;
  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (spec[i]);

      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint) d;
    }
  out->red = ((v >> 16) & 0xff) / 255.0;
  out->green = ((v >> 8) & 0xff) / 255.0;
  out->blue = (v & 0xff) / 255.0;
  return TRUE;
}

void
cg_rgb_set_source (cairo_t *cr, const CgRgb *rgb, double alpha)
{
  cairo_set_source_rgba (cr, rgb->red, rgb->green, rgb->blue, alpha);
}

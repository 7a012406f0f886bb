/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-render"
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-render.h"

gboolean
cg_rgb_parse (const char *spec,
              CgRgb      *out)
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
cg_rgb_set_source (cairo_t     *cr,
                   const CgRgb *rgb,
                   double       alpha)
{
  cairo_set_source_rgba (cr, rgb->red, rgb->green, rgb->blue, alpha);
}

static double
linear_channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
cg_rgb_luminance (const CgRgb *rgb)
{
  return 0.2126 * linear_channel (rgb->red) + 0.7152 * linear_channel (rgb->green) +
         0.0722 * linear_channel (rgb->blue);
}

double
cg_rgb_contrast (const CgRgb *a,
                 const CgRgb *b)
{
  double la = cg_rgb_luminance (a);
  double lb = cg_rgb_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

CgRgb
cg_rgb_text_on (const CgRgb *fill)
{
  static const CgRgb black = { 0, 0, 0 };
  static const CgRgb white = { 1, 1, 1 };

  return cg_rgb_contrast (fill, &black) >= cg_rgb_contrast (fill, &white) ? black : white;
}

CgRgb
cg_rgb_mix (const CgRgb *a,
            const CgRgb *b,
            double       t)
{
  CgRgb out = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
  };

  return out;
}

static double
encode_channel (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.0031308 ? c * 12.92 : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

/* A point @s (0..1) on the way from @lin (linear light) to black (@darken)
 * or white, in 8-bit steps. Lightening first scales the colour up until
 * its strongest channel is full, so it keeps its saturation as long as it
 * can, and only then mixes in white. Luminance grows (or falls) steadily
 * along the way, which the search in cg_rgb_with_contrast() relies on. */
static CgRgb
contrast_path (const double lin[3],
               double       s,
               gboolean     darken)
{
  double top = MAX (lin[0], MAX (lin[1], lin[2]));
  double out[3];
  CgRgb rgb;

  for (int i = 0; i < 3; i++)
    {
      if (darken)
        out[i] = lin[i] * (1 - s);
      else if (top <= 0)
        out[i] = s;
      else if (s <= 0.5)
        out[i] = lin[i] * (1 + (1 / top - 1) * s * 2);
      else
        out[i] = lin[i] / top + (1 - lin[i] / top) * (s - 0.5) * 2;
    }
  rgb.red = round (encode_channel (out[0]) * 255) / 255;
  rgb.green = round (encode_channel (out[1]) * 255) / 255;
  rgb.blue = round (encode_channel (out[2]) * 255) / 255;
  return rgb;
}

CgRgb
cg_rgb_with_contrast (const CgRgb *colour,
                      const CgRgb *bg,
                      double       ratio)
{
  static const CgRgb black = { 0, 0, 0 };
  static const CgRgb white = { 1, 1, 1 };
  double lin[3] = { linear_channel (colour->red), linear_channel (colour->green),
                    linear_channel (colour->blue) };
  gboolean darken = cg_rgb_contrast (&black, bg) >= cg_rgb_contrast (&white, bg);
  double lo = 0, hi = 1;

  if (cg_rgb_contrast (colour, bg) >= ratio)
    return *colour;
  /* The least change that reaches @ratio; black or white when nothing
   * less does. */
  for (int i = 0; i < 40; i++)
    {
      double mid = (lo + hi) / 2;
      CgRgb c = contrast_path (lin, mid, darken);

      if (cg_rgb_contrast (&c, bg) >= ratio)
        hi = mid;
      else
        lo = mid;
    }
  return contrast_path (lin, hi, darken);
}

char *
cg_rgb_to_string (const CgRgb *rgb)
{
  return g_strdup_printf ("#%02x%02x%02x", (guint) round (CLAMP (rgb->red, 0, 1) * 255),
                          (guint) round (CLAMP (rgb->green, 0, 1) * 255),
                          (guint) round (CLAMP (rgb->blue, 0, 1) * 255));
}

cairo_t *
cg_render_scratch_context_new (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

PangoLayout *
cg_render_layout_new (cairo_t    *cr,
                      const char *family,
                      double      size_px,
                      gboolean    bold,
                      const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *desc = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (desc, family != NULL ? family : "Sans");
  pango_font_description_set_absolute_size (desc, MAX (size_px, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

gboolean
cg_render_layout_fit (PangoLayout *layout,
                      double       max_width,
                      int          max_lines)
{
  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), FALSE);

  pango_layout_set_width (layout, (int) (MAX (max_width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -MAX (max_lines, 1));
  return pango_layout_is_ellipsized (layout);
}

void
cg_render_layout_hug (PangoLayout *layout)
{
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  if (!pango_layout_is_ellipsized (layout) && pango_layout_get_line_count (layout) == 1)
    pango_layout_set_width (layout, -1);
}

void
cg_render_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
cg_render_layout_show (cairo_t     *cr,
                       PangoLayout *layout,
                       double       x,
                       double       y,
                       const CgRgb *colour)
{
  cairo_save (cr);
  cg_rgb_set_source (cr, colour, 1.0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  /* Leave no current point behind: a later arc would join it with a line. */
  cairo_new_path (cr);
  cairo_restore (cr);
}

void
cg_render_rounded_rect (cairo_t *cr,
                        double   x,
                        double   y,
                        double   width,
                        double   height,
                        double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

gboolean
cg_rect_contains (const CgRect *rect,
                  double        x,
                  double        y)
{
  return x >= rect->x && y >= rect->y && x <= rect->x + rect->width && y <= rect->y + rect->height;
}

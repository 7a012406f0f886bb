/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-chart-style"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <math.h>

#include "cg-chart-style.h"

static CgRgb
rgb (const char *spec)
{
  CgRgb out;

  cg_rgb_parse (spec, &out);
  return out;
}

/* ColorBrewer PuOr, five classes: orange for disagreement, purple for
 * agreement, a near-white neutral. Safe for the common deficiencies. */
static void
set_shades (CgChartStyle *style)
{
  static const char *const puor[] = { "#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99" };

  style->shades[0] = style->grid;
  for (guint i = 0; i < G_N_ELEMENTS (puor); i++)
    style->shades[i + 1] = rgb (puor[i]);
}

static void
set_common (CgChartStyle *style)
{
  style->font_family = "Sans";
  style->font_size = 14.0;
  style->min_font_size = 9.0;
  style->line_width = 1.5;
  style->high_contrast = FALSE;
  style->hide_item_title = FALSE;
}

void
cg_chart_style_init_light (CgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  set_common (style);
  style->fg = rgb ("#1e1e1e");
  style->bg = rgb ("#ffffff");
  style->muted = rgb ("#5e5c64");
  style->grid = rgb ("#c0bfbc");
  /* Okabe-Ito blue, yellow and vermillion: apart for every common
   * colour-vision deficiency, and apart in lightness too. */
  style->agreed = rgb ("#0072b2");
  /* Okabe-Ito reddish purple: apart from the blue of "we agree it is so". */
  style->agreed_not_yet = rgb ("#cc79a7");
  style->partly = rgb ("#f0e442");
  style->divergent = rgb ("#d55e00");
  style->not_enough = rgb ("#deddda");
  style->dont_know = rgb ("#deddda");
  set_shades (style);
}

void
cg_chart_style_init_dark (CgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  set_common (style);
  style->fg = rgb ("#ffffff");
  style->bg = rgb ("#242424");
  style->muted = rgb ("#c0bfbc");
  style->grid = rgb ("#5e5c64");
  style->agreed = rgb ("#56b4e9");
  style->agreed_not_yet = rgb ("#cc79a7");
  style->partly = rgb ("#f0e442");
  style->divergent = rgb ("#e69f00");
  style->not_enough = rgb ("#77767b");
  style->dont_know = rgb ("#77767b");
  set_shades (style);
}

/* Every colour here meets 7:1 where it is read: text and marks against the
 * background, and badge or cell words (black or white, cg_rgb_text_on())
 * against their fill. tests/render/test-chart-contrast.c computes them. */
static void
set_high_contrast_fills (CgChartStyle *style,
                         gboolean      dark)
{
  static const char *const shades[] = { "#8f3600", "#fdb863", "#ffffff", "#b2abd2", "#3b1f6e" };

  style->agreed = dark ? rgb ("#56b4e9") : rgb ("#003d7a");
  style->agreed_not_yet = dark ? rgb ("#e0a0c4") : rgb ("#7a2855");
  style->partly = rgb ("#f0e442");
  style->divergent = dark ? rgb ("#e69f00") : rgb ("#8f3600");
  style->not_enough = style->bg;
  style->dont_know = rgb ("#deddda");
  style->shades[0] = style->grid;
  for (guint i = 0; i < G_N_ELEMENTS (shades); i++)
    style->shades[i + 1] = rgb (shades[i]);
}

void
cg_chart_style_init_high_contrast (CgChartStyle *style,
                                   gboolean      dark)
{
  g_return_if_fail (style != NULL);

  if (dark)
    cg_chart_style_init_dark (style);
  else
    cg_chart_style_init_light (style);
  style->fg = dark ? rgb ("#ffffff") : rgb ("#000000");
  style->bg = dark ? rgb ("#000000") : rgb ("#ffffff");
  style->muted = style->fg;
  style->grid = style->fg;
  set_high_contrast_fills (style, dark);
  style->line_width = 2.5;
  style->min_font_size = 11.0;
  style->high_contrast = TRUE;
}

void
cg_chart_style_init_print (CgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  cg_chart_style_init_light (style);
  /* The report's own sans, so charts and tables read as one document. */
  style->font_family = "Noto Sans, DejaVu Sans, sans-serif";
  style->fg = rgb ("#000000");
  style->muted = rgb ("#3d3846");
  style->grid = rgb ("#9a9996");
  style->font_size = 10.0;
  style->min_font_size = 6.5;
  style->line_width = 0.8;
}

const CgRgb *
cg_chart_style_level_colour (const CgChartStyle *style,
                             CgLevel             level)
{
  switch (level)
    {
    case CG_LEVEL_AGREED: return &style->agreed;
    case CG_LEVEL_PARTLY_AGREED: return &style->partly;
    case CG_LEVEL_DIVERGENT: return &style->divergent;
    case CG_LEVEL_NOT_ENOUGH:
    default: return &style->not_enough;
    }
}

double
cg_chart_style_font_px (const CgChartStyle *style,
                        double              scale)
{
  return MAX (style->font_size * scale, style->min_font_size);
}

PangoLayout *
cg_chart_style_layout (cairo_t            *cr,
                       const CgChartStyle *style,
                       const char         *text,
                       double              scale,
                       gboolean            bold,
                       double              max_width,
                       int                 max_lines)
{
  PangoLayout *layout = cg_render_layout_new (cr, style->font_family,
                                              cg_chart_style_font_px (style, scale), bold, text);

  if (max_lines > 0)
    cg_render_layout_fit (layout, max_width, max_lines);
  return layout;
}

void
cg_chart_draw_badge (cairo_t            *cr,
                     const CgChartStyle *style,
                     const char         *text,
                     const CgRgb        *fill,
                     double              scale,
                     double              x,
                     double              y,
                     gboolean            draw,
                     double             *width,
                     double             *height)
{
  g_autoptr (PangoLayout) layout = cg_chart_style_layout (cr, style, text, scale, TRUE, 0, 0);
  double px = cg_chart_style_font_px (style, scale);
  double tw, th, w, h;
  CgRgb ink;

  cg_render_layout_size (layout, &tw, &th);
  w = tw + px * 1.2;
  h = th + px * 0.4;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  if (!draw)
    return;

  ink = cg_rgb_text_on (fill);
  cairo_save (cr);
  cg_render_rounded_rect (cr, x, y, w, h, h / 2.0);
  cg_rgb_set_source (cr, fill, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, style->high_contrast ? style->line_width : 1.0);
  cg_rgb_set_source (cr, &style->fg, style->high_contrast ? 1.0 : 0.35);
  cairo_stroke (cr);
  cairo_restore (cr);
  cg_render_layout_show (cr, layout, x + px * 0.6, y + px * 0.2, &ink);
}

void
cg_chart_draw_level_badge (cairo_t            *cr,
                           const CgChartStyle *style,
                           CgLevel             level,
                           double              scale,
                           double              x,
                           double              y,
                           gboolean            draw,
                           double             *width,
                           double             *height)
{
  cg_chart_draw_badge (cr, style, cg_level_to_label (level),
                       cg_chart_style_level_colour (style, level), scale, x, y, draw, width,
                       height);
}

const CgRgb *
cg_chart_style_item_colour (const CgChartStyle *style,
                            const CgItemStats  *stats)
{
  if (cg_item_stats_agreed_not_true (stats))
    return &style->agreed_not_yet;
  return cg_chart_style_level_colour (style, stats->level);
}

void
cg_chart_draw_item_badge (cairo_t            *cr,
                          const CgChartStyle *style,
                          const CgItemStats  *stats,
                          double              scale,
                          double              x,
                          double              y,
                          gboolean            draw,
                          double             *width,
                          double             *height)
{
  cg_chart_draw_badge (cr, style, cg_item_stats_label (stats),
                       cg_chart_style_item_colour (style, stats), scale, x, y, draw, width, height);
}

/* The first letters of a name's first two words that are not titles
 * ("Dr Priya Nair": "PN"); of its titles when it has nothing else. */
static char *
initials (const char *name)
{
  g_auto (GStrv) words = g_strsplit_set (name, " \t\n", -1);
  GString *out = g_string_new (NULL);

  for (int pass = 0; pass < 2 && out->len == 0; pass++)
    for (guint i = 0; words[i] != NULL && g_utf8_strlen (out->str, -1) < 2; i++)
      {
        /* Hyphens and other marks inside a word start a new one. */
        gboolean at_word = TRUE;

        if (pass == 0 && cg_name_word_is_title (words[i]))
          continue;
        for (const char *p = words[i]; *p != '\0' && g_utf8_strlen (out->str, -1) < 2;
             p = g_utf8_next_char (p))
          {
            gunichar c = g_utf8_get_char (p);

            if (g_unichar_isalnum (c) && at_word)
              g_string_append_unichar (out, g_unichar_toupper (c));
            at_word = !g_unichar_isalnum (c);
          }
      }
  return g_string_free (out, FALSE);
}

char **
cg_chart_partner_tags (CgSession *session)
{
  guint n = cg_session_get_n_partners (session);
  g_auto (GStrv) base = g_new0 (char *, n + 1);
  char **tags = g_new0 (char *, n + 1);
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      base[i] = initials (cg_session_get_partner (session, i)->name);
      guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (counts, base[i]));

      g_hash_table_insert (counts, base[i], GUINT_TO_POINTER (seen + 1));
    }
  for (guint i = 0; i < n; i++)
    {
      guint same = GPOINTER_TO_UINT (g_hash_table_lookup (counts, base[i]));

      /* Position numbers keep tags unique (and non-empty) when initials
       * clash or a name has no letters. */
      if (same > 1 || base[i][0] == '\0')
        tags[i] = g_strdup_printf ("%s%u", base[i], i + 1);
      else
        tags[i] = g_strdup (base[i]);
    }
  return tags;
}

CgRgb
cg_chart_partner_colour (const CgPartner *partner)
{
  CgRgb out;

  cg_rgb_parse (partner->colour, &out);
  return out;
}

CgRgb
cg_chart_style_mark_colour (const CgChartStyle *style,
                            const CgRgb        *colour)
{
  static const CgRgb grey = { 0.5, 0.5, 0.5 };

  g_return_val_if_fail (style != NULL && colour != NULL, grey);
  if (!style->high_contrast)
    return *colour;
  return cg_rgb_with_contrast (colour, &style->bg, CG_CHART_HC_RATIO);
}

CgRgb
cg_chart_style_partner_colour (const CgChartStyle *style,
                               const CgPartner    *partner)
{
  CgRgb raw = cg_chart_partner_colour (partner);

  return cg_chart_style_mark_colour (style, &raw);
}

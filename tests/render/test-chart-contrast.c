/* SPDX-License-Identifier: GPL-3.0-or-later */
/* High contrast reaches 7:1 (WCAG AAA) wherever something is read: the
 * charts' text and marks against their background, the words on badges
 * and heat-map cells against their fill (in the colour the charts pick),
 * partners' colours as marks (radar lines, dot rings, swatches) and the
 * tags on them, and the app's own high-contrast stylesheets, read from ui/. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "cg-chart-dots.h"
#include "cg-chart-radar.h"
#include "cg-chart-style.h"
#include "render-util.h"

#define AAA 7.0

static void
assert_ratio (const char  *what,
              const CgRgb *a,
              const CgRgb *b)
{
  double ratio = cg_rgb_contrast (a, b);

  if (ratio < AAA)
    g_printerr ("%s: %.2f:1\n", what, ratio);
  assert_true (ratio >= AAA);
}

/* Words on a fill are drawn in cg_rgb_text_on (fill). */
static void
assert_words_on (const char  *what,
                 const CgRgb *fill)
{
  CgRgb ink = cg_rgb_text_on (fill);

  assert_ratio (what, &ink, fill);
}

static void
check_style (gboolean dark)
{
  CgChartStyle s;
  CgLevel levels[] = { CG_LEVEL_AGREED, CG_LEVEL_PARTLY_AGREED, CG_LEVEL_DIVERGENT,
                       CG_LEVEL_NOT_ENOUGH };

  cg_chart_style_init_high_contrast (&s, dark);
  assert_true (s.high_contrast);
  assert_ratio ("text", &s.fg, &s.bg);
  assert_ratio ("secondary text", &s.muted, &s.bg);
  assert_ratio ("grid and axes", &s.grid, &s.bg);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    assert_words_on (cg_level_to_string (levels[i]), cg_chart_style_level_colour (&s, levels[i]));
  assert_words_on ("agreed: not yet", &s.agreed_not_yet);
  for (guint r = 1; r <= CG_RATING_MAX; r++)
    assert_words_on ("heat-map shade", &s.shades[r]);
  assert_words_on ("don't know", &s.dont_know);
}

static void
test_chart_palettes (void **state)
{
  check_style (FALSE);
  check_style (TRUE);
}

/* The ordinary light palette does not reach 7:1 on its badges (so the test
 * above is not passing by accident): Okabe-Ito blue takes neither ink. */
static void
test_light_is_weaker (void **state)
{
  CgChartStyle s;
  CgRgb ink;

  cg_chart_style_init_light (&s);
  ink = cg_rgb_text_on (&s.agreed);
  assert_true (cg_rgb_contrast (&ink, &s.agreed) < AAA);
}

/* Worked by hand from the WCAG formula: black on white is 21:1, and
 * #003d7a (the light agreed badge) against white is 10.78:1. */
static void
test_ratio_formula (void **state)
{
  CgRgb black, white, blue;

  cg_rgb_parse ("#000000", &black);
  cg_rgb_parse ("#ffffff", &white);
  cg_rgb_parse ("#003d7a", &blue);
  assert_true (fabs (cg_rgb_contrast (&black, &white) - 21.0) < 0.01);
  assert_true (fabs (cg_rgb_contrast (&blue, &white) - 10.78) < 0.01);
}

/* The WCAG 2 formula once more, on 8-bit values, written out here so the
 * checks below do not lean on the code they check. */
static double
wcag_channel (guint v)
{
  double c = v / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static guint
byte_of (double c)
{
  return (guint) round (c * 255);
}

static double
wcag_luminance (const CgRgb *c)
{
  return 0.2126 * wcag_channel (byte_of (c->red)) + 0.7152 * wcag_channel (byte_of (c->green)) +
         0.0722 * wcag_channel (byte_of (c->blue));
}

static double
wcag_ratio (const CgRgb *a,
            const CgRgb *b)
{
  double la = wcag_luminance (a), lb = wcag_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Oklab (Ottosson 2020): a hue angle and a distance that follow what the
 * eye sees, to check that partners keep their hue and stay apart. */
static void
oklab (const CgRgb *c,
       double       lab[3])
{
  double r = wcag_channel (byte_of (c->red)), g = wcag_channel (byte_of (c->green));
  double b = wcag_channel (byte_of (c->blue));
  double l = cbrt (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  double m = cbrt (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  double s = cbrt (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);

  lab[0] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
  lab[1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
  lab[2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
}

static double
hue_shift (const CgRgb *a,
           const CgRgb *b)
{
  double la[3], lb[3], d;

  oklab (a, la);
  oklab (b, lb);
  d = fabs (atan2 (la[2], la[1]) - atan2 (lb[2], lb[1])) * 180 / G_PI;
  return d > 180 ? 360 - d : d;
}

static double
oklab_distance (const CgRgb *a,
                const CgRgb *b)
{
  double la[3], lb[3];

  oklab (a, la);
  oklab (b, lb);
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
               (la[2] - lb[2]) * (la[2] - lb[2]));
}

static gboolean
whole_bytes (const CgRgb *c)
{
  return fabs (c->red * 255 - byte_of (c->red)) < 1e-9 &&
         fabs (c->green * 255 - byte_of (c->green)) < 1e-9 &&
         fabs (c->blue * 255 - byte_of (c->blue)) < 1e-9;
}

/* Every palette colour as a high-contrast mark: 7:1 against the chart's
 * background, words on it (dot tags, in cg_rgb_text_on()) 7:1 against it,
 * the hue kept (within 6 degrees of Oklab hue), and no two partners
 * collapsed into one colour. */
static void
check_partner_marks (gboolean dark,
                     double  *lowest_before,
                     double  *lowest_after)
{
  guint n;
  const char *const *palette = cg_session_get_palette (&n);
  g_autofree CgRgb *marks = g_new (CgRgb, n);
  CgChartStyle s;

  cg_chart_style_init_high_contrast (&s, dark);
  for (guint i = 0; i < n; i++)
    {
      CgRgb raw, ink;
      g_autofree char *what =
        g_strdup_printf ("%s partner %s", dark ? "dark" : "light", palette[i]);
      g_autofree char *spec = NULL;

      assert_true (cg_rgb_parse (palette[i], &raw));
      marks[i] = cg_chart_style_mark_colour (&s, &raw);
      *lowest_before = MIN (*lowest_before, wcag_ratio (&raw, &s.bg));
      *lowest_after = MIN (*lowest_after, wcag_ratio (&marks[i], &s.bg));
      spec = cg_rgb_to_string (&marks[i]);
      g_print ("%s: %.2f:1 -> %s %.2f:1\n", what, wcag_ratio (&raw, &s.bg), spec,
               wcag_ratio (&marks[i], &s.bg));
      assert_true (whole_bytes (&marks[i]));
      assert_true (wcag_ratio (&marks[i], &s.bg) >= AAA);
      ink = cg_rgb_text_on (&marks[i]);
      assert_true (wcag_ratio (&ink, &marks[i]) >= AAA);
      assert_true (hue_shift (&raw, &marks[i]) < 6.0);
      /* Colours that already reach 7:1 are left alone. */
      if (wcag_ratio (&raw, &s.bg) >= AAA)
        assert_true (byte_of (raw.red) == byte_of (marks[i].red) &&
                     byte_of (raw.green) == byte_of (marks[i].green) &&
                     byte_of (raw.blue) == byte_of (marks[i].blue));
    }
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < i; j++)
      assert_true (oklab_distance (&marks[i], &marks[j]) > 0.03);
}

static void
test_partner_marks (void **state)
{
  double before = 21, after = 21;

  check_partner_marks (FALSE, &before, &after);
  check_partner_marks (TRUE, &before, &after);
  g_print ("lowest partner mark: %.2f:1 before, %.2f:1 after\n", before, after);
  /* Okabe-Ito orange on white and Tol indigo on black were far short. */
  assert_true (before < 2.0);
  assert_true (after >= AAA);
}

/* Worked through by hand: Okabe-Ito orange #e69f00 on white has linear
 * channels 0.791, 0.347, 0: luminance 0.416, ratio 1.05 / 0.466 = 2.25.
 * Scaled down to #795100 (linear 0.191, 0.0823, 0; red over green still
 * 2.3) its luminance is 0.0995 and the ratio 1.05 / 0.1495 = 7.02. On
 * black it already has 9.32:1 and stays. The ordinary styles never touch
 * a colour. */
static void
test_mark_worked_example (void **state)
{
  CgChartStyle s;
  CgRgb orange, mark;
  g_autofree char *light = NULL;

  cg_rgb_parse ("#e69f00", &orange);
  cg_chart_style_init_high_contrast (&s, FALSE);
  mark = cg_chart_style_mark_colour (&s, &orange);
  light = cg_rgb_to_string (&mark);
  assert_string_equal (light, "#795100");
  assert_true (fabs (wcag_ratio (&orange, &s.bg) - 2.25) < 0.01);
  assert_true (fabs (wcag_ratio (&mark, &s.bg) - 7.02) < 0.01);

  cg_chart_style_init_high_contrast (&s, TRUE);
  mark = cg_chart_style_mark_colour (&s, &orange);
  assert_true (fabs (wcag_ratio (&mark, &s.bg) - 9.32) < 0.01);
  assert_memory_equal (&mark, &orange, sizeof mark);

  cg_chart_style_init_light (&s);
  mark = cg_chart_style_mark_colour (&s, &orange);
  assert_memory_equal (&mark, &orange, sizeof mark);
  cg_chart_style_init_dark (&s);
  mark = cg_chart_style_mark_colour (&s, &orange);
  assert_memory_equal (&mark, &orange, sizeof mark);
}

/* A partner's colour can come from a file as any #rrggbb: every colour of
 * a 16-step grid over the cube reaches 7:1 too, in both styles. */
static void
test_any_colour (void **state)
{
  for (int dark = 0; dark < 2; dark++)
    {
      CgChartStyle s;

      cg_chart_style_init_high_contrast (&s, dark);
      for (guint r = 0; r < 256; r += 17)
        for (guint g = 0; g < 256; g += 17)
          for (guint b = 0; b < 256; b += 17)
            {
              CgRgb raw = { r / 255.0, g / 255.0, b / 255.0 };
              CgRgb mark = cg_chart_style_mark_colour (&s, &raw);
              CgRgb ink = cg_rgb_text_on (&mark);

              if (wcag_ratio (&mark, &s.bg) < AAA)
                g_printerr ("#%02x%02x%02x on %s: %.2f:1\n", r, g, b, dark ? "black" : "white",
                            wcag_ratio (&mark, &s.bg));
              assert_true (wcag_ratio (&mark, &s.bg) >= AAA);
              assert_true (wcag_ratio (&ink, &mark) >= AAA);
            }
    }
}

/* The charts draw the adjusted colour, not the raw one: Sam (Bluish green
 * #009e73, 3.42:1 on white and 6.14:1 on black) has the radar's only
 * answer in lesson 2, a 5, and answers 4 alone on lesson 1's second
 * statement, where his dot's ring is his colour and his tag sits on the
 * background inside it. */
static void
check_drawn (gboolean dark)
{
  RuFixture f;
  CgChartStyle s;
  const CgPartner *sam;
  CgRgb raw, mark, got;
  CgDotsGeometry g;
  double x, y, ring;
  cairo_t *cr;

  ru_fixture_four (&f);
  cg_chart_style_init_high_contrast (&s, dark);
  sam = cg_session_lookup_partner (f.session, f.partners[2]);
  raw = cg_chart_partner_colour (sam);
  mark = cg_chart_style_partner_colour (&s, sam);
  assert_false (ru_rgb_near (&raw, &mark));

  cr = ru_canvas_new (800, 400, &s.bg);
  cg_chart_radar_draw (cr, 800, 400, f.session, &s);
  ru_canvas_save (cr, dark ? "contrast-radar-dark.png" : "contrast-radar-light.png");
  assert_true (cg_chart_radar_locate (cr, 800, 400, f.session, &s, 1, 5.0, &x, &y));
  got = ru_pixel (cr, x, y);
  assert_true (ru_rgb_near (&got, &mark));
  cairo_destroy (cr);

  cr = ru_canvas_new (800, 300, &s.bg);
  cg_chart_dots_draw (cr, 800, 300, f.session, f.lesson1[1], &s);
  ru_canvas_save (cr, dark ? "contrast-dots-dark.png" : "contrast-dots-light.png");
  assert_true (cg_chart_dots_get_geometry (cr, 800, 300, f.session, f.lesson1[1], &s, &g));
  assert_true (cg_chart_dots_locate_partner (cr, 800, 300, f.session, f.lesson1[1], f.partners[2],
                                             &s, &x, &y));
  /* The ring's middle, straight below the centre (as paint_disc draws it). */
  ring = g.dot_radius - s.line_width * 0.4 - g.dot_radius * 0.14;
  got = ru_pixel (cr, x, y + ring);
  assert_true (ru_rgb_near (&got, &mark));
  /* Inside the ring, under the tag: the background the tag is read on. */
  got = ru_pixel (cr, x, y + g.dot_radius * 0.5);
  assert_true (ru_rgb_near (&got, &s.bg));
  assert_true (wcag_ratio (&s.fg, &s.bg) >= AAA);
  cairo_destroy (cr);
  ru_fixture_clear (&f);
}

static void
test_charts_draw_marks (void **state)
{
  check_drawn (FALSE);
  check_drawn (TRUE);
}

static gboolean
css_colour (const char *css,
            const char *name,
            CgRgb      *out)
{
  g_autofree char *key = g_strdup_printf ("@define-color %s ", name);
  const char *at = strstr (css, key);
  char spec[8];

  if (at == NULL)
    return FALSE;
  at += strlen (key);
  g_strlcpy (spec, at, sizeof spec);
  return cg_rgb_parse (spec, out);
}

static void
check_css (const char *file)
{
  static const char *const pairs[][2] = {
    { "window_fg_color", "window_bg_color" },
    { "view_fg_color", "view_bg_color" },
    { "headerbar_fg_color", "headerbar_bg_color" },
    { "card_fg_color", "card_bg_color" },
    { "popover_fg_color", "popover_bg_color" },
    { "dialog_fg_color", "dialog_bg_color" },
    { "accent_fg_color", "accent_bg_color" },
    { "destructive_fg_color", "destructive_bg_color" },
    { "error_fg_color", "error_bg_color" },
    { "success_fg_color", "success_bg_color" },
    { "warning_fg_color", "warning_bg_color" },
    { "accent_color", "window_bg_color" },
    { "destructive_color", "window_bg_color" },
    { "error_color", "window_bg_color" },
    { "success_color", "window_bg_color" },
    { "warning_color", "window_bg_color" },
    { "borders", "window_bg_color" },
  };
  g_autofree char *path = g_build_filename (g_getenv ("CG_SOURCE_ROOT"), "ui", file, NULL);
  g_autofree char *css = NULL;

  assert_true (g_file_get_contents (path, &css, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      CgRgb a, b;
      g_autofree char *what = g_strdup_printf ("%s: %s on %s", file, pairs[i][0], pairs[i][1]);

      if (!css_colour (css, pairs[i][0], &a) || !css_colour (css, pairs[i][1], &b))
        g_printerr ("%s: missing\n", what);
      assert_true (css_colour (css, pairs[i][0], &a) && css_colour (css, pairs[i][1], &b));
      assert_ratio (what, &a, &b);
    }
}

static void
test_stylesheets (void **state)
{
  check_css ("forced-hc.css");
  check_css ("forced-hc-dark.css");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_chart_palettes), cmocka_unit_test (test_light_is_weaker),
    cmocka_unit_test (test_ratio_formula),  cmocka_unit_test (test_stylesheets),
    cmocka_unit_test (test_partner_marks),  cmocka_unit_test (test_mark_worked_example),
    cmocka_unit_test (test_any_colour),     cmocka_unit_test (test_charts_draw_marks),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}

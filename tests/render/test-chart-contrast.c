/* SPDX-License-Identifier: GPL-3.0-or-later */
/* High contrast reaches 7:1 (WCAG AAA) wherever something is read: the
 * charts' text and marks against their background, the words on badges
 * and heat-map cells against their fill (in the colour the charts pick),
 * and the app's own high-contrast stylesheets, read from ui/. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "cg-chart-style.h"

#define AAA 7.0

static void
assert_ratio (const char *what, const CgRgb *a, const CgRgb *b)
{
  double ratio = cg_rgb_contrast (a, b);

  if (ratio < AAA)
    g_printerr ("%s: %.2f:1\n", what, ratio);
  assert_true (ratio >= AAA);
}

/* Words on a fill are drawn in cg_rgb_text_on (fill). */
static void
assert_words_on (const char *what, const CgRgb *fill)
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

static gboolean
css_colour (const char *css, const char *name, CgRgb *out)
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
    { "window_fg_color", "window_bg_color" }, { "view_fg_color", "view_bg_color" },
    { "headerbar_fg_color", "headerbar_bg_color" }, { "card_fg_color", "card_bg_color" },
    { "popover_fg_color", "popover_bg_color" }, { "dialog_fg_color", "dialog_bg_color" },
    { "accent_fg_color", "accent_bg_color" }, { "destructive_fg_color", "destructive_bg_color" },
    { "error_fg_color", "error_bg_color" }, { "success_fg_color", "success_bg_color" },
    { "warning_fg_color", "warning_bg_color" }, { "accent_color", "window_bg_color" },
    { "destructive_color", "window_bg_color" }, { "error_color", "window_bg_color" },
    { "success_color", "window_bg_color" }, { "warning_color", "window_bg_color" },
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
    cmocka_unit_test (test_chart_palettes),
    cmocka_unit_test (test_light_is_weaker),
    cmocka_unit_test (test_ratio_formula),
    cmocka_unit_test (test_stylesheets),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}

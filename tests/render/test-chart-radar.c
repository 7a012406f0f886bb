/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "cg-chart-radar.h"
#include "render-util.h"

static const double sizes[][2] = { { 800, 300 }, { 1920, 600 }, { 420, 640 } };

static void
assert_colour_at (cairo_t            *cr,
                  double              w,
                  double              h,
                  CgSession          *session,
                  const CgChartStyle *style,
                  guint               lesson,
                  double              value,
                  const CgRgb        *want)
{
  double x, y;
  CgRgb got;

  assert_true (cg_chart_radar_locate (cr, w, h, session, style, lesson, value, &x, &y));
  assert_true (x > 0 && x < w && y > 0 && y < h);
  got = ru_pixel (cr, x, y);
  if (!ru_rgb_near (&got, want))
    g_printerr ("lesson %u value %g at %g,%g: %g %g %g\n", lesson, value, x, y, got.red, got.green,
                got.blue);
  assert_true (ru_rgb_near (&got, want));
}

/* Four partners. Lesson 2: Sam alone at 5. Lesson 1: Alex alone at
 * (4 + 1 + 3) / 3.
 * Lesson 4: group mean (4 + 5 + 5 + 3) / 4 = 4.25, drawn on top. */
static void
test_points (void **state)
{
  RuFixture f;
  CgChartStyle style;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("radar-four-%gx%g.png", w, h);
      CgRgb sam = cg_chart_partner_colour (cg_session_lookup_partner (f.session, f.partners[2]));
      CgRgb alex = cg_chart_partner_colour (cg_session_lookup_partner (f.session, f.partners[0]));
      double x0, y0, x1, y1;

      cg_chart_radar_draw (cr, w, h, f.session, &style);
      ru_canvas_save (cr, name);
      assert_colour_at (cr, w, h, f.session, &style, 1, 5.0, &sam);
      assert_colour_at (cr, w, h, f.session, &style, 0, 8.0 / 3.0, &alex);
      assert_colour_at (cr, w, h, f.session, &style, 3, 4.25, &style.fg);
      /* Lesson 1 points straight up from the centre. */
      assert_true (cg_chart_radar_locate (cr, w, h, f.session, &style, 0, 0, &x0, &y0));
      assert_true (cg_chart_radar_locate (cr, w, h, f.session, &style, 0, 5, &x1, &y1));
      assert_true (fabs (x1 - x0) < 0.01 && y0 - y1 > 40);
      assert_true (ru_margin_is_background (cr, &style.bg));
      cairo_destroy (cr);
    }
  ru_fixture_clear (&f);
}

static void
test_twelve_inside (void **state)
{
  RuFixture f;
  CgChartStyle style;

  ru_fixture_twelve (&f);
  cg_chart_style_init_dark (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("radar-twelve-%gx%g.png", w, h);

      cg_chart_radar_draw (cr, w, h, f.session, &style);
      ru_canvas_save (cr, name);
      assert_true (ru_margin_is_background (cr, &style.bg));
      cairo_destroy (cr);
    }
  ru_fixture_clear (&f);
}

static void
test_hidden (void **state)
{
  RuFixture f;
  CgChartStyle style;
  g_autofree char *text = NULL;
  CgRgb sam, got;
  double x, y;
  cairo_t *cr;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  cg_session_set_answers_hidden (f.session, TRUE);
  cg_session_set_revealed (f.session, CG_STAGE_LESSON_1, TRUE);
  cr = ru_canvas_new (800, 300, &style.bg);
  cg_chart_radar_draw (cr, 800, 300, f.session, &style);
  ru_canvas_save (cr, "radar-hidden.png");
  sam = cg_chart_partner_colour (cg_session_lookup_partner (f.session, f.partners[2]));
  assert_true (cg_chart_radar_locate (cr, 800, 300, f.session, &style, 1, 5.0, &x, &y));
  got = ru_pixel (cr, x, y);
  assert_false (ru_rgb_near (&got, &sam));
  cairo_destroy (cr);

  text = cg_chart_radar_describe (f.session);
  /* Lesson 1 is revealed: group (4+1+3 + 5+5+3 + 5+4+4 + 4+5) / 11 = 43 / 11 */
  assert_non_null (strstr (text, "Purpose and Leadership: group 3.9, Alex Smith 2.7"));
  assert_non_null (strstr (text, "Outcomes and Customer Focus: hidden until revealed."));
  ru_fixture_clear (&f);
}

static void
test_strokes_unique (void **state)
{
  /* Twelve partners: no two share both dash pattern and marker. */
  for (guint i = 0; i < 12; i++)
    for (guint j = 0; j < i; j++)
      {
        const double *di, *dj;
        int ni, nj;
        guint mi, mj;

        cg_chart_partner_stroke (i, &di, &ni, &mi);
        cg_chart_partner_stroke (j, &dj, &nj, &mj);
        assert_false (di == dj && mi == mj);
      }
}

/* Pixels in the group colour along the earlier line's edge from lesson 1
 * to lesson 2, both at 2.0, sampled every pixel of the middle 70 %. */
static double
fg_share_on_edge (cairo_t              *cr,
                  double                w,
                  double                h,
                  CgSession            *session,
                  const CgChartStyle   *style,
                  const CgRadarEarlier *earlier)
{
  double x0, y0, x1, y1;
  guint on = 0, n = 0;
  double length;

  assert_true (cg_chart_radar_locate_full (cr, w, h, session, style, earlier, 0, 2.0, &x0, &y0));
  assert_true (cg_chart_radar_locate_full (cr, w, h, session, style, earlier, 1, 2.0, &x1, &y1));
  length = hypot (x1 - x0, y1 - y0);
  for (double t = 0.15; t <= 0.85; t += 1.0 / length, n++)
    {
      CgRgb got = ru_pixel (cr, x0 + t * (x1 - x0), y0 + t * (y1 - y0));

      on += ru_rgb_near (&got, &style->fg);
    }
  return (double) on / n;
}

/* Since last time: the earlier group line is drawn, and drawn dashed: along
 * it the group colour comes and goes, where without it there is none. */
static void
test_earlier_line_dashed (void **state)
{
  RuFixture f;
  CgChartStyle style;
  CgRadarEarlier earlier = { { 2.0, 2.0, 2.0, 2.0, 2.0 }, "Group, 20 Nov 2025" };
  g_autofree char *text = NULL;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      cairo_t *with = ru_canvas_new (w, h, &style.bg);
      cairo_t *without = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("radar-earlier-%gx%g.png", w, h);
      double share_with, share_without;

      cg_chart_radar_draw_full (with, w, h, f.session, &style, &earlier);
      ru_canvas_save (with, name);
      cg_chart_radar_draw (without, w, h, f.session, &style);
      share_with = fg_share_on_edge (with, w, h, f.session, &style, &earlier);
      share_without = fg_share_on_edge (without, w, h, f.session, &style, &earlier);
      g_printerr ("%gx%g: group colour on %.0f %% of the earlier edge, %.0f %% without it\n", w, h,
                  share_with * 100, share_without * 100);
      /* Dashes 4 on, 3 off: about 4/7 of the edge, never all of it. */
      assert_true (share_with > 0.3 && share_with < 0.85);
      assert_true (share_without < 0.1);
      assert_true (ru_margin_is_background (with, &style.bg));
      cairo_destroy (with);
      cairo_destroy (without);
    }
  text = cg_chart_radar_describe_full (f.session, &earlier);
  assert_non_null (strstr (text, "Purpose and Leadership: group 3.9, Alex Smith 2.7"));
  assert_non_null (strstr (text, ", earlier 2.0."));
  ru_fixture_clear (&f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_points),
    cmocka_unit_test (test_twelve_inside),
    cmocka_unit_test (test_hidden),
    cmocka_unit_test (test_strokes_unique),
    cmocka_unit_test (test_earlier_line_dashed),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "cg-chart-dots.h"
#include "cg-chart-style.h"
#include "render-util.h"

static const double sizes[][2] = { { 800, 300 }, { 1920, 600 } };

static void
assert_dot_colour (cairo_t            *cr,
                   double              w,
                   double              h,
                   RuFixture          *f,
                   guint               item,
                   guint               p,
                   const CgChartStyle *style,
                   double             *out_x,
                   double             *out_y)
{
  const CgPartner *partner = cg_session_lookup_partner (f->session, p);
  CgRgb want = cg_chart_partner_colour (partner);
  CgDotsGeometry g;
  double x, y;
  CgRgb got;

  assert_true (cg_chart_dots_get_geometry (cr, w, h, f->session, item, style, &g));
  assert_true (cg_chart_dots_locate_partner (cr, w, h, f->session, item, p, style, &x, &y));
  /* Below the tag letters, inside the dot. */
  got = ru_pixel (cr, x, y + g.dot_radius * 0.65);
  assert_true (ru_rgb_near (&got, &want));
  *out_x = x;
  *out_y = y;
}

/* Lesson 1 statement 2 is rated 1, 5, 4, don't know: each rating alone on
 * its point, so each dot sits exactly on its tick. */
static void
test_dots_on_their_ticks (void **state)
{
  RuFixture f;
  CgChartStyle style;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1], x, y;
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("dots-four-%gx%g.png", w, h);
      CgDotsGeometry g;
      double x1, y1;

      cg_chart_dots_draw (cr, w, h, f.session, f.lesson1[1], &style);
      ru_canvas_save (cr, name);
      assert_true (cg_chart_dots_get_geometry (cr, w, h, f.session, f.lesson1[1], &style, &g));
      /* The scale spans the width evenly: ticks 1 and 5 at a tenth in. */
      assert_true (fabs (g.scale_x[3] - w / 2) < 1.0);
      assert_true (g.scale_x[1] < g.scale_x[2] && g.scale_x[4] < g.scale_x[5]);
      assert_true (g.height <= h);

      /* Sam (third) answered 4, Alex 1, Priya 5. */
      assert_dot_colour (cr, w, h, &f, f.lesson1[1], f.partners[2], &style, &x, &y);
      assert_true (fabs (x - g.scale_x[4]) < 0.01);
      assert_true (y < g.axis_y);
      assert_dot_colour (cr, w, h, &f, f.lesson1[1], f.partners[0], &style, &x1, &y1);
      assert_true (fabs (x1 - g.scale_x[1]) < 0.01);
      assert_dot_colour (cr, w, h, &f, f.lesson1[1], f.partners[1], &style, &x1, &y1);
      assert_true (fabs (x1 - g.scale_x[5]) < 0.01);
      /* Jo answered "don't know": no dot. */
      assert_false (cg_chart_dots_locate_partner (cr, w, h, f.session, f.lesson1[1], f.partners[3],
                                                  &style, &x1, &y1));
      /* Nothing at rating 2 or 3: background where a dot would be. */
      {
        CgRgb p2 = ru_pixel (cr, g.scale_x[2], y + g.dot_radius * 0.65);

        assert_true (ru_rgb_near (&p2, &style.bg));
      }
      assert_true (ru_margin_is_background (cr, &style.bg));
      cairo_destroy (cr);
    }
  ru_fixture_clear (&f);
}

/* The badge carries the level's colour and words. */
static void
test_badge (void **state)
{
  RuFixture f;
  CgChartStyle style;
  const guint items[] = { 0, 1, 2 };
  const CgRgb *want[3];

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  want[0] = &style.agreed;
  want[1] = &style.divergent;
  want[2] = &style.partly;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      cairo_t *cr = ru_canvas_new (800, 300, &style.bg);
      CgDotsGeometry g;
      guint coloured;

      cg_chart_dots_draw (cr, 800, 300, f.session, f.lesson1[items[i]], &style);
      assert_true (
        cg_chart_dots_get_geometry (cr, 800, 300, f.session, f.lesson1[items[i]], &style, &g));
      assert_true (g.badge.width > 20 && g.badge.height > 10);
      assert_true (g.badge.x + g.badge.width <= 800);
      coloured = ru_count_pixels (cr, &g.badge, want[i], FALSE);
      /* Most of the badge is its fill; the rest is its words. */
      assert_true (coloured > g.badge.width * g.badge.height * 0.4);
      assert_true (ru_count_pixels (cr, &g.badge, want[i], TRUE) >
                   g.badge.width * g.badge.height * 0.05);
      cairo_destroy (cr);
    }
  ru_fixture_clear (&f);
}

/* Twelve partners on one point: all twelve dots visible, none on another. */
static void
test_stacked_dots (void **state)
{
  RuFixture f;
  CgChartStyle style;

  ru_fixture_twelve (&f);
  cg_chart_style_init_dark (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("dots-twelve-%gx%g.png", w, h);
      double xs[12], ys[12];
      CgDotsGeometry g;

      cg_chart_dots_draw (cr, w, h, f.session, f.lesson1[0], &style);
      ru_canvas_save (cr, name);
      assert_true (cg_chart_dots_get_geometry (cr, w, h, f.session, f.lesson1[0], &style, &g));
      for (guint i = 0; i < 12; i++)
        {
          assert_dot_colour (cr, w, h, &f, f.lesson1[0], f.partners[i], &style, &xs[i], &ys[i]);
          /* Within the rating-5 slot of the scale. */
          assert_true (fabs (xs[i] - g.scale_x[5]) < (g.scale_x[5] - g.scale_x[4]) / 2);
          for (guint j = 0; j < i; j++)
            assert_true (hypot (xs[i] - xs[j], ys[i] - ys[j]) >= 2 * g.dot_radius - 0.01);
        }
      assert_true (ru_margin_is_background (cr, &style.bg));
      cairo_destroy (cr);
    }
  ru_fixture_clear (&f);
}

/* Too small a box: the strip shrinks but stays inside it. */
static void
test_small_box_stays_inside (void **state)
{
  RuFixture f;
  CgChartStyle style;
  cairo_t *cr;

  ru_fixture_twelve (&f);
  cg_chart_style_init_high_contrast (&style, FALSE);
  cr = ru_canvas_new (320, 150, &style.bg);
  cg_chart_dots_draw (cr, 320, 150, f.session, f.lesson1[0], &style);
  ru_canvas_save (cr, "dots-twelve-320x150.png");
  assert_true (ru_margin_is_background (cr, &style.bg));
  cairo_destroy (cr);
  ru_fixture_clear (&f);
}

static void
test_height_for_width (void **state)
{
  RuFixture f;
  CgChartStyle style;
  double four, twelve;

  cg_chart_style_init_light (&style);
  ru_fixture_four (&f);
  four = cg_chart_dots_get_height_for_width (f.session, f.lesson1[1], 800, &style);
  ru_fixture_clear (&f);
  ru_fixture_twelve (&f);
  twelve = cg_chart_dots_get_height_for_width (f.session, f.lesson1[0], 800, &style);
  ru_fixture_clear (&f);
  /* Twelve stacked dots on a longer, wrapped title need more room. */
  assert_true (four > 3 * style.font_size);
  assert_true (twelve > four + 2 * style.font_size);
}

static void
test_hidden (void **state)
{
  RuFixture f;
  CgChartStyle style;
  cairo_t *cr;
  double x, y;
  g_autofree char *text = NULL;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  cr = ru_canvas_new (800, 300, &style.bg);
  assert_true (cg_chart_dots_locate_partner (cr, 800, 300, f.session, f.lesson1[1], f.partners[2],
                                             &style, &x, &y));
  cg_session_set_answers_hidden (f.session, TRUE);
  cg_chart_dots_draw (cr, 800, 300, f.session, f.lesson1[1], &style);
  ru_canvas_save (cr, "dots-hidden.png");
  assert_false (cg_chart_dots_locate_partner (cr, 800, 300, f.session, f.lesson1[1], f.partners[2],
                                              &style, &x, &y));
  {
    CgRgb p = ru_pixel (cr, x, y);
    CgRgb sam = cg_chart_partner_colour (cg_session_lookup_partner (f.session, f.partners[2]));

    assert_false (ru_rgb_near (&p, &sam));
  }
  text = cg_chart_dots_describe (f.session, f.lesson1[1]);
  assert_non_null (strstr (text, "hidden"));
  assert_null (strstr (text, "Sam Okafor"));
  assert_null (strstr (text, "Divergent"));

  /* Revealing lesson 1 shows them again. */
  cg_session_set_revealed (f.session, CG_STAGE_LESSON_1, TRUE);
  assert_true (cg_chart_dots_locate_partner (cr, 800, 300, f.session, f.lesson1[1], f.partners[2],
                                             &style, &x, &y));
  cairo_destroy (cr);
  ru_fixture_clear (&f);
}

static void
test_describe (void **state)
{
  RuFixture f;
  g_autofree char *text = NULL;

  ru_fixture_four (&f);
  text = cg_chart_dots_describe (f.session, f.lesson1[1]);
  assert_non_null (strstr (text, "1.2 Leadership is accepted"));
  assert_non_null (strstr (text, "Divergent."));
  /* (1 + 5 + 4) / 3 answers */
  assert_non_null (strstr (text, "Mean 3.3 from 3 answers"));
  assert_non_null (strstr (text, "Strongly disagree: Alex Smith."));
  assert_non_null (strstr (text, "Agree: Sam Okafor."));
  assert_non_null (strstr (text, "Don’t know: Jo Brown."));
  ru_fixture_clear (&f);
}

/* A dot's tag is its partner's initials, titles skipped ("Dr Priya Nair"
 * is PN, not DP); a name of titles only keeps them; hyphens start a word;
 * clashing initials get their position (Sam Hill and Sara Hope are both
 * SH, the 3rd and 4th partners); a name without letters gets its
 * position alone. */
static void
test_partner_tags (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  static const char *const names[] = {
    "Dr Priya Nair", "Cllr Mary-Jane Okoro", "Sam Hill", "Sara Hope", "Dr", "—", "amira"
  };
  static const char *const expected[] = { "PN", "MJ", "SH3", "SH4", "D", "6", "A" };
  g_auto (GStrv) tags = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    cg_session_add_partner (s, names[i], "Org", "Role");
  tags = cg_chart_partner_tags (s);
  assert_int_equal (g_strv_length (tags), G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_string_equal (tags[i], expected[i]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_dots_on_their_ticks),
    cmocka_unit_test (test_badge),
    cmocka_unit_test (test_stacked_dots),
    cmocka_unit_test (test_small_box_stays_inside),
    cmocka_unit_test (test_height_for_width),
    cmocka_unit_test (test_hidden),
    cmocka_unit_test (test_describe),
    cmocka_unit_test (test_partner_tags),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}

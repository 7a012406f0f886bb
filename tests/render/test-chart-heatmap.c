/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cg-chart-heatmap.h"
#include "cg-chart-items.h"
#include "render-util.h"

static const double sizes[][2] = { { 800, 300 }, { 1920, 600 } };

static CgRgb
cell_fill (cairo_t      *cr,
           const CgRect *r)
{
  /* A corner of the cell, clear of the border and the number. */
  return ru_pixel (cr, r->x + 3, r->y + 3);
}

/* Lesson 1, four partners: each cell has the rating's shade and its number. */
static void
test_cells (void **state)
{
  RuFixture f;
  CgChartStyle style;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("heatmap-four-%gx%g.png", w, h);
      /* Statement 1.2: Alex 1, Priya 5, Sam 4, Jo don't know. */
      const CgRgb *want[] = { &style.shades[1], &style.shades[5], &style.shades[4],
                              &style.dont_know };

      cg_chart_heatmap_draw (cr, w, h, f.session, f.lesson1, 3, &style);
      ru_canvas_save (cr, name);
      for (guint p = 0; p < 4; p++)
        {
          CgRect r;
          CgRgb got;
          guint ink;

          assert_true (
            cg_chart_heatmap_get_cell (cr, w, h, f.session, f.lesson1, 3, &style, 1, p, &r));
          assert_true (r.width >= 20 && r.height >= 15);
          assert_true (r.x + r.width <= w && r.y + r.height <= h);
          got = cell_fill (cr, &r);
          assert_true (ru_rgb_near (&got, want[p]));
          /* The number (or "?") is printed over the shade. */
          ink = ru_count_pixels (cr, &(CgRect){ r.x + 2, r.y + 2, r.width - 4, r.height - 4 },
                                 want[p], TRUE);
          assert_true (ink > 10);
        }
      assert_true (ru_margin_is_background (cr, &style.bg));
      cairo_destroy (cr);
    }
  ru_fixture_clear (&f);
}

/* Every statement and aim, twelve long names: it all stays inside. */
static void
test_all_items_twelve (void **state)
{
  RuFixture f;
  CgChartStyle style;
  g_autoptr (GArray) ids = NULL;

  ru_fixture_twelve (&f);
  cg_chart_style_init_light (&style);
  ids = cg_chart_collect_items (f.session, CG_CHART_ALL_LESSONS, TRUE);
  /* 3 + 4 x 6 statements and 2 aims */
  assert_int_equal (ids->len, 29);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("heatmap-twelve-%gx%g.png", w, h);
      CgRect last, first;

      cg_chart_heatmap_draw (cr, w, h, f.session, (guint *) ids->data, ids->len, &style);
      ru_canvas_save (cr, name);
      assert_true (cg_chart_heatmap_get_cell (cr, w, h, f.session, (guint *) ids->data, ids->len,
                                              &style, ids->len - 1, 11, &last));
      assert_true (cg_chart_heatmap_get_cell (cr, w, h, f.session, (guint *) ids->data, ids->len,
                                              &style, 0, 0, &first));
      assert_true (last.x + last.width <= w && last.y + last.height <= h);
      /* Names get at most 28% of the width. */
      assert_true (first.x <= w * 0.28 + 3 * style.font_size);
      assert_true (ru_margin_is_background (cr, &style.bg));
      cairo_destroy (cr);
    }
  ru_fixture_clear (&f);
}

static void
test_hidden_columns (void **state)
{
  RuFixture f;
  CgChartStyle style;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *text = NULL;
  cairo_t *cr;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  cg_session_set_answers_hidden (f.session, TRUE);
  cg_session_set_revealed (f.session, CG_STAGE_LESSON_1, TRUE);
  ids = cg_chart_collect_items (f.session, CG_CHART_ALL_LESSONS, FALSE);
  assert_int_equal (ids->len, 7);
  cr = ru_canvas_new (800, 300, &style.bg);
  cg_chart_heatmap_draw (cr, 800, 300, f.session, (guint *) ids->data, ids->len, &style);
  ru_canvas_save (cr, "heatmap-hidden.png");
  for (guint p = 0; p < 4; p++)
    {
      CgRect r;

      /* Item 3 is lesson 2's statement: hidden, so no shade at all. */
      assert_true (cg_chart_heatmap_get_cell (cr, 800, 300, f.session, (guint *) ids->data,
                                              ids->len, &style, 3, p, &r));
      /* Inside the borders (the neighbour 1.3 is shaded). */
      r = (CgRect){ r.x + 2, r.y + 2, r.width - 4, r.height - 4 };
      /* Shade 3 is a near-white grey that the hatching's anti-aliased
       * edges also produce; the hued shades are what would leak. */
      for (guint k = 1; k <= CG_RATING_MAX; k++)
        if (k != 3)
          assert_int_equal (ru_count_pixels (cr, &r, &style.shades[k], FALSE), 0);
      assert_true (ru_count_pixels (cr, &r, &style.bg, TRUE) > 20); /* the hatching */
      /* Item 0 is lesson 1's: revealed, shaded. */
      assert_true (cg_chart_heatmap_get_cell (cr, 800, 300, f.session, (guint *) ids->data,
                                              ids->len, &style, 0, p, &r));
      assert_true (ru_count_pixels (cr, &r, &style.shades[p == 0 || p == 3 ? 4 : 5], FALSE) >
                   r.width * r.height / 3);
    }
  cairo_destroy (cr);
  text = cg_chart_heatmap_describe (f.session, (guint *) ids->data, ids->len);
  assert_non_null (strstr (text, "1.2: Alex Smith 1, Priya Natarajan 5, Sam Okafor 4, "
                                 "Jo Brown don’t know."));
  assert_non_null (strstr (text, "2.1: hidden until revealed."));
  ru_fixture_clear (&f);
}

static void
test_height_for_width (void **state)
{
  RuFixture f;
  CgChartStyle style;
  g_autoptr (GArray) ids = NULL;
  double narrow, wide;

  ru_fixture_twelve (&f);
  cg_chart_style_init_light (&style);
  ids = cg_chart_collect_items (f.session, CG_CHART_ALL_LESSONS, TRUE);
  narrow =
    cg_chart_heatmap_get_height_for_width (f.session, (guint *) ids->data, ids->len, 600, &style);
  wide =
    cg_chart_heatmap_get_height_for_width (f.session, (guint *) ids->data, ids->len, 1800, &style);
  /* Twelve rows of at least 1.8 x 14 px, and a key of 29 lines that
   * folds into more columns when wide. */
  assert_true (wide > 12 * 1.8 * 14);
  assert_true (narrow > wide);
  ru_fixture_clear (&f);
}

/* Groups x lessons. Lesson 1 {Health: 4,5; Council: 2,1; Charity: 3}:
 * means 4.5, 1.5, 3 shaded as the nearest whole point, rounding half away
 * from zero: 5, 2, 3. Lesson 2 {Health: 5,5; Council: 2,2; Charity none}:
 * 5, 2 and an empty cell. Lesson 3 has no statements: empty cells. */
static CgSession *
group_session (void)
{
  CgSession *s = cg_session_new ();
  const char *groups[] = { "Health", "Health", "Council", "Council", "Charity" };
  const CgRating l1[] = { 4, 5, 2, 1, 3 }, l2[] = { 5, 5, 2, 2, CG_RATING_NONE };
  guint s1 = cg_session_add_statement (s, 0, "We share a clear purpose.");
  guint s2 = cg_session_add_statement (s, 1, "Services are organised around the family.");

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %u", i + 1);
      guint id = cg_session_add_partner (s, name, "Org", "Role");

      cg_session_set_partner_field (s, id, CG_PARTNER_GROUP, groups[i]);
      cg_session_set_rating (s, id, s1, l1[i]);
      if (l2[i] != CG_RATING_NONE)
        cg_session_set_rating (s, id, s2, l2[i]);
    }
  return s;
}

static void
test_group_cells (void **state)
{
  g_autoptr (CgSession) s = group_session ();
  CgChartStyle style;

  cg_chart_style_init_light (&style);
  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      double w = sizes[z][0], h = sizes[z][1];
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("group-heatmap-%gx%g.png", w, h);
      const CgRgb *want[2][3] = {
        { &style.shades[5], &style.shades[2], &style.shades[3] },
        { &style.shades[5], &style.shades[2], &style.bg },
      };
      CgRect r;

      cg_chart_group_heatmap_draw (cr, w, h, s, &style);
      ru_canvas_save (cr, name);
      for (guint lesson = 0; lesson < 2; lesson++)
        for (guint g = 0; g < 3; g++)
          {
            CgRgb got;
            guint ink;

            assert_true (cg_chart_group_heatmap_get_cell (cr, w, h, s, &style, lesson, g, &r));
            assert_true (r.width >= 20 && r.height >= 15);
            assert_true (r.x + r.width <= w && r.y + r.height <= h);
            got = cell_fill (cr, &r);
            assert_true (ru_rgb_near (&got, want[lesson][g]));
            /* The mean (or a dash) is written over the shade. */
            ink = ru_count_pixels (cr, &(CgRect){ r.x + 2, r.y + 2, r.width - 4, r.height - 4 },
                                   want[lesson][g], TRUE);
            assert_true (ink > 5);
          }
      /* Lesson 3 has nothing to average: blank for every group. */
      assert_true (cg_chart_group_heatmap_get_cell (cr, w, h, s, &style, 2, 0, &r));
      {
        CgRgb got = cell_fill (cr, &r);

        assert_true (ru_rgb_near (&got, &style.bg));
      }
      assert_false (cg_chart_group_heatmap_get_cell (cr, w, h, s, &style, 0, 3, &r));
      assert_true (ru_margin_is_background (cr, &style.bg));
      cairo_destroy (cr);
    }
}

/* Hidden answers: only lesson 2 revealed. Lesson 1's cells are hatched, not
 * shaded, for every group; the description gives nothing of lesson 1. The
 * single partner's group is named as such. */
static void
test_group_hidden (void **state)
{
  g_autoptr (CgSession) s = group_session ();
  g_autofree char *text = NULL;
  CgChartStyle style;
  cairo_t *cr;
  CgRect r;

  cg_chart_style_init_light (&style);
  cg_session_set_answers_hidden (s, TRUE);
  cg_session_set_revealed (s, CG_STAGE_LESSON_2, TRUE);
  cr = ru_canvas_new (800, 300, &style.bg);
  cg_chart_group_heatmap_draw (cr, 800, 300, s, &style);
  ru_canvas_save (cr, "group-heatmap-hidden.png");
  for (guint g = 0; g < 3; g++)
    {
      assert_true (cg_chart_group_heatmap_get_cell (cr, 800, 300, s, &style, 0, g, &r));
      /* (Shade 3 is a near-white, too close to the background to count.) */
      for (guint shade = 1; shade <= 5; shade++)
        if (shade != 3)
          assert_int_equal (ru_count_pixels (cr, &r, &style.shades[shade], FALSE), 0);
    }
  assert_true (cg_chart_group_heatmap_get_cell (cr, 800, 300, s, &style, 1, 0, &r));
  assert_true (ru_count_pixels (cr, &r, &style.shades[5], FALSE) > 100);
  cairo_destroy (cr);

  text = cg_chart_group_heatmap_describe (s);
  assert_non_null (strstr (text, "1 Purpose and Leadership: hidden until revealed."));
  assert_non_null (strstr (text, "Health 5.0, Council 2.0, Charity (one partner) no answers."));
  assert_null (strstr (text, "4.5"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_group_cells),    cmocka_unit_test (test_group_hidden),
    cmocka_unit_test (test_cells),          cmocka_unit_test (test_all_items_twelve),
    cmocka_unit_test (test_hidden_columns), cmocka_unit_test (test_height_for_width),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}

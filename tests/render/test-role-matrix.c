/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cg-role-matrix.h"
#include "render-util.h"

static const double sizes[][2] = { { 800, 300 }, { 1920, 600 } };

/* Task 1: Alex A, Priya R, Sam C, Jo I, everyone names Alex: clear.
 * Task 2: Alex R, Priya not involved, nobody A: a gap. */
static void
test_four (void **state)
{
  RuFixture f;
  CgChartStyle style;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("roles-four-%gx%g.png", w, h);
      CgRect r;

      cg_role_matrix_draw (cr, w, h, f.session, &style);
      ru_canvas_save (cr, name);

      assert_true (cg_role_matrix_get_flags (cr, w, h, f.session, &style, 0, &r));
      assert_true (ru_count_pixels (cr, &r, &style.agreed, FALSE) > 100);
      assert_int_equal (ru_count_pixels (cr, &r, &style.divergent, FALSE), 0);
      assert_true (cg_role_matrix_get_flags (cr, w, h, f.session, &style, 1, &r));
      assert_true (ru_count_pixels (cr, &r, &style.divergent, FALSE) > 100);
      assert_int_equal (ru_count_pixels (cr, &r, &style.agreed, FALSE), 0);
      assert_true (r.x + r.width <= w);

      /* Alex's A for task 1 is inked; Sam gave no answer for task 2. */
      assert_true (cg_role_matrix_get_cell (cr, w, h, f.session, &style, 0, 0, &r));
      assert_true (ru_count_pixels (cr, &r, &style.fg, FALSE) > 20);
      assert_true (cg_role_matrix_get_cell (cr, w, h, f.session, &style, 1, 2, &r));
      r = (CgRect){ r.x + 1, r.y + 2, r.width - 2, r.height - 4 };
      assert_int_equal (ru_count_pixels (cr, &r, &style.bg, TRUE), 0);
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
  cg_chart_style_init_high_contrast (&style, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      cairo_t *cr = ru_canvas_new (w, h, &style.bg);
      g_autofree char *name = g_strdup_printf ("roles-twelve-%gx%g.png", w, h);
      CgRect r;

      cg_role_matrix_draw (cr, w, h, f.session, &style);
      ru_canvas_save (cr, name);
      /* Two partners claim A for task 1: an overlap, flagged. */
      assert_true (cg_role_matrix_get_flags (cr, w, h, f.session, &style, 0, &r));
      assert_true (ru_count_pixels (cr, &r, &style.divergent, FALSE) > 100);
      assert_true (cg_role_matrix_get_cell (cr, w, h, f.session, &style, 1, 11, &r));
      assert_true (r.x + r.width <= w);
      assert_true (ru_margin_is_background (cr, &style.bg));
      cairo_destroy (cr);
    }
  ru_fixture_clear (&f);
}

static void
test_hidden_and_describe (void **state)
{
  RuFixture f;
  CgChartStyle style;
  g_autofree char *text = NULL;
  g_autofree char *hidden = NULL;
  cairo_t *cr;
  CgRect r;

  ru_fixture_four (&f);
  cg_chart_style_init_light (&style);
  text = cg_role_matrix_describe (f.session);
  assert_non_null (strstr (text, "Lead the needs assessment: Clear. Alex Smith Accountable."));
  assert_non_null (strstr (text, "Manage the pooled budget: Gap."));
  assert_non_null (strstr (text, "Tasks led: Alex Smith 1, Priya Natarajan 0, Sam Okafor 0, "
                                 "Jo Brown 0."));

  cg_session_set_answers_hidden (f.session, TRUE);
  cr = ru_canvas_new (800, 300, &style.bg);
  cg_role_matrix_draw (cr, 800, 300, f.session, &style);
  assert_false (cg_role_matrix_get_flags (cr, 800, 300, f.session, &style, 0, &r));
  r = (CgRect){ 0, 60, 800, 240 };
  /* Only the one-line message, at the top. */
  assert_int_equal (ru_count_pixels (cr, &r, &style.bg, TRUE), 0);
  cairo_destroy (cr);
  hidden = cg_role_matrix_describe (f.session);
  assert_null (strstr (hidden, "Alex"));
  assert_non_null (strstr (hidden, "hidden"));
  ru_fixture_clear (&f);
}

/* The report cuts a matrix too wide or too tall for a page into slices;
 * each slice draws only its own tasks and partners. */
static void
test_slices (void **state)
{
  RuFixture f;
  CgChartStyle style;
  const double w = 471; /* an A4 page's content width */
  CgRoleMatrixSlice one_task = { 0, 1, 0, 4 }, both = { 0, 2, 0, 4 }, past = { 5, 3, 0, 4 };
  CgRoleMatrixSlice sam_jo = { 0, 2, 2, 2 };
  const CgPartner *priya, *sam, *jo;
  CgRgb orange, green, pink;
  double h;
  cairo_t *cr;
  CgRect all;

  ru_fixture_four (&f);
  cg_chart_style_init_print (&style);
  /* Fewer rows, less height; the whole matrix is the slice of everything;
   * a slice past the last task keeps only the header and the key. */
  assert_true (cg_role_matrix_get_slice_height_for_width (f.session, w, &style, &one_task) <
               cg_role_matrix_get_slice_height_for_width (f.session, w, &style, &both));
  assert_true (cg_role_matrix_get_slice_height_for_width (f.session, w, &style, &both) ==
               cg_role_matrix_get_height_for_width (f.session, w, &style));
  assert_true (cg_role_matrix_get_slice_height_for_width (f.session, w, &style, &past) <
               cg_role_matrix_get_slice_height_for_width (f.session, w, &style, &one_task));

  /* Partners 3 and 4 only: their colour bars are drawn, Priya's is not
   * (the palette gives Priya orange, Sam green, Jo pink; no level colour
   * is any of them). */
  priya = cg_session_get_partner (f.session, 1);
  sam = cg_session_get_partner (f.session, 2);
  jo = cg_session_get_partner (f.session, 3);
  orange = cg_chart_partner_colour (priya);
  green = cg_chart_partner_colour (sam);
  pink = cg_chart_partner_colour (jo);
  h = cg_role_matrix_get_slice_height_for_width (f.session, w, &style, &sam_jo);
  cr = ru_canvas_new (w, h, &style.bg);
  cg_role_matrix_draw_slice (cr, w, h, f.session, &style, &sam_jo);
  ru_canvas_save (cr, "roles-slice.png");
  all = (CgRect){ 0, 0, w, h };
  assert_true (ru_count_pixels (cr, &all, &green, FALSE) > 10);
  assert_true (ru_count_pixels (cr, &all, &pink, FALSE) > 10);
  assert_int_equal (ru_count_pixels (cr, &all, &orange, FALSE), 0);
  assert_true (ru_margin_is_background (cr, &style.bg));
  cairo_destroy (cr);
  h = cg_role_matrix_get_height_for_width (f.session, w, &style);
  cr = ru_canvas_new (w, h, &style.bg);
  cg_role_matrix_draw (cr, w, h, f.session, &style);
  all.height = h;
  assert_true (ru_count_pixels (cr, &all, &orange, FALSE) > 10);
  cairo_destroy (cr);
  ru_fixture_clear (&f);
}

/* Four short names fit an A4 page; twelve long ones in a narrow box do not,
 * and a wide box takes them all. */
static void
test_max_partners (void **state)
{
  RuFixture f;
  CgChartStyle style;
  guint narrow;

  cg_chart_style_init_print (&style);
  ru_fixture_four (&f);
  assert_int_equal (cg_role_matrix_max_partners (f.session, 471, &style), 4);
  ru_fixture_clear (&f);
  ru_fixture_twelve (&f);
  narrow = cg_role_matrix_max_partners (f.session, 300, &style);
  assert_true (narrow >= 1 && narrow < 12);
  assert_int_equal (cg_role_matrix_max_partners (f.session, 2000, &style), 12);
  ru_fixture_clear (&f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_four),
    cmocka_unit_test (test_twelve_inside),
    cmocka_unit_test (test_hidden_and_describe),
    cmocka_unit_test (test_slices),
    cmocka_unit_test (test_max_partners),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}

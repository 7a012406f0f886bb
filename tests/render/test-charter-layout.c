/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The charter's content and layout, called directly with sessions built in
 * code. What the PDF says is checked in test-charter-pdf.py. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cg-charter-content.h"
#include "cg-charter-layout.h"
#include "cg-chart-items.h"
#include "cg-chart-style.h"
#include "cg-report-charts.h"
#include "charter-fixtures.h"

static guint
partner_id (CgSession *s,
            guint      position)
{
  return cg_session_get_partner (s, position)->id;
}

static guint
task_id (CgSession *s,
         guint      position)
{
  return cg_session_get_task (s, position)->id;
}

static void
assert_order (CgSession         *s,
              GArray            *order,
              const char *const *expected)
{
  guint n = g_strv_length ((char **) expected);

  assert_int_equal (order->len, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = cg_chart_item_label (s, g_array_index (order, guint, i));

      assert_string_equal (label, expected[i]);
    }
}

/* The report's dot strips come in the Review's order. Worked by hand:
 * 1.1 (5,1,5,2) divergent, consensus 0.15; A4 (1,5,2,4) divergent,
 * 1 + .25 (2 log2 .5 + 2 log2 .75) = 0.29; A5 unrated: not enough answers;
 * A1 (3,4,4,3) 1 + log2 .875 = 0.81, no dissenter: agreed; A2 and A3 agreed
 * at 1.00, in session order. */
static void
test_review_order (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  static const char *const all[] = { "1.1", "A4", "A5", "A1", "A2", "A3", NULL };
  static const char *const aims_only[] = { "A4", "A5", "A1", "A2", "A3", NULL };
  g_autoptr (GArray) order = cg_analysis_review_order (s);
  g_autoptr (GArray) hidden = NULL;

  assert_order (s, order, all);
  /* Hidden answers with only the aims revealed: the statement stays out. */
  cg_session_set_answers_hidden (s, TRUE);
  cg_session_set_revealed (s, CG_STAGE_AIMS, TRUE);
  hidden = cg_analysis_review_order (s);
  assert_order (s, hidden, aims_only);
}

/* 45 statements, the k-th (0-based) rated 1 and 5 for k < 5 (divergent),
 * 3 and 3 otherwise (agreed): the report keeps 40 strips, the five
 * divergent ones first, and says five more are left out. With 40 items or
 * fewer nothing is left out. */
static void
test_strips_capped (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint a = cg_session_add_partner (s, "Ann", "Org", "Role");
  guint b = cg_session_add_partner (s, "Ben", "Org", "Role");
  guint ids[45];
  guint left_out = 99;
  g_autoptr (GArray) few = NULL;
  g_autoptr (GArray) many = NULL;

  for (guint k = 0; k < 40; k++)
    {
      ids[k] = cg_session_add_statement (s, k % CG_N_LESSONS, "A statement.");
      cg_session_set_rating (s, a, ids[k], k < 5 ? CG_RATING_1 : CG_RATING_3);
      cg_session_set_rating (s, b, ids[k], k < 5 ? CG_RATING_5 : CG_RATING_3);
    }
  few = cg_report_strip_items (s, &left_out);
  assert_int_equal (few->len, 40);
  assert_int_equal (left_out, 0);
  for (guint k = 40; k < 45; k++)
    {
      ids[k] = cg_session_add_statement (s, k % CG_N_LESSONS, "A statement.");
      cg_session_set_rating (s, a, ids[k], CG_RATING_3);
      cg_session_set_rating (s, b, ids[k], CG_RATING_3);
    }
  many = cg_report_strip_items (s, &left_out);
  assert_int_equal (CG_REPORT_MAX_STRIPS, 40);
  assert_int_equal (many->len, 40);
  assert_int_equal (left_out, 5);
  for (guint i = 0; i < 5; i++)
    {
      gboolean divergent = FALSE;

      for (guint k = 0; k < 5; k++)
        divergent |= g_array_index (many, guint, i) == ids[k];
      assert_true (divergent);
    }
}

static void
test_agreed_aims_by_importance (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  g_autoptr (GArray) aims = cg_charter_get_agreed_aims (s);

  /* Agreed: aim 0 (mean 3.5), aim 1 (5.0), aim 2 (4.0); aims 3 and 4 are not. */
  assert_int_equal (aims->len, 3);
  assert_int_equal (g_array_index (aims, guint, 0), cg_session_get_aim (s, 1)->id);
  assert_int_equal (g_array_index (aims, guint, 1), cg_session_get_aim (s, 2)->id);
  assert_int_equal (g_array_index (aims, guint, 2), cg_session_get_aim (s, 0)->id);
}

static void
test_unrated_agreed_aim_comes_last (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  guint fresh = cg_session_add_aim (s, "A new aim nobody rated");
  g_autoptr (GArray) aims = NULL;

  /* Unrated aims go last even when added before others are agreed. */
  cg_session_move_item (s, fresh, 0);
  cg_session_set_aim_agreed (s, fresh, TRUE);
  aims = cg_charter_get_agreed_aims (s);
  assert_int_equal (aims->len, 4);
  assert_int_equal (g_array_index (aims, guint, 3), fresh);
}

static void
test_accountable_as_the_room_resolved (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();

  /* Clear: Sam claimed it alone. */
  assert_int_equal (cg_charter_get_accountable (s, task_id (s, 0)), partner_id (s, 0));
  /* Nobody claimed it; the facilitator settled on David Cohen. */
  assert_int_equal (cg_charter_get_accountable (s, task_id (s, 1)), partner_id (s, 3));
  /* Overlap and gap: open. */
  assert_int_equal (cg_charter_get_accountable (s, task_id (s, 2)), 0);
  assert_int_equal (cg_charter_get_accountable (s, task_id (s, 3)), 0);
  /* The facilitator settles the overlap on Priya. */
  cg_session_set_task_charter_accountable (s, task_id (s, 2), partner_id (s, 1));
  assert_int_equal (cg_charter_get_accountable (s, task_id (s, 2)), partner_id (s, 1));
  /* A settled choice wins over a single claimant too. */
  cg_session_set_task_charter_accountable (s, task_id (s, 0), partner_id (s, 2));
  assert_int_equal (cg_charter_get_accountable (s, task_id (s, 0)), partner_id (s, 2));
}

static void
test_own_text_replaces_generated (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  g_autofree char *title = cg_charter_dup_text (s, CG_CHARTER_TITLE);
  g_autofree char *purpose = cg_charter_dup_text (s, CG_CHARTER_PURPOSE);
  g_autofree char *own = NULL;
  g_autofree char *empty = NULL;

  assert_string_equal (title, "Riverside Family Support Partnership");
  assert_non_null (strstr (purpose, "a child missing school"));
  cg_session_set_charter_field (s, CG_CHARTER_PURPOSE, "Our own words.");
  own = cg_charter_dup_text (s, CG_CHARTER_PURPOSE);
  assert_string_equal (own, "Our own words.");
  /* Written empty is the facilitator's choice, not "not written". */
  cg_session_set_charter_field (s, CG_CHARTER_PURPOSE, "");
  empty = cg_charter_dup_text (s, CG_CHARTER_PURPOSE);
  assert_string_equal (empty, "");
}

static void
test_generated_title_without_session_title (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  g_autofree char *title = cg_charter_generate_text (s, CG_CHARTER_TITLE);
  g_autofree char *review = cg_charter_generate_text (s, CG_CHARTER_REVIEW_DATE);

  assert_string_equal (title, "Partnership charter");
  assert_string_equal (review, "To be agreed at the first partnership meeting.");
}

static void
test_review_date_six_months_on (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  g_autofree char *review = cg_charter_generate_text (s, CG_CHARTER_REVIEW_DATE);
  g_autofree char *day = NULL;

  /* 22 November 2026 + 6 months. */
  assert_string_equal (review, "22 May 2027");
  /* 31 August has no 31 February: GLib clamps to the month's last day. */
  cg_session_set_detail (s, CG_DETAIL_DATE, "2026-08-31");
  day = cg_charter_generate_text (s, CG_CHARTER_REVIEW_DATE);
  assert_string_equal (day, "28 February 2027");
}

static void
test_still_to_resolve_generated (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  g_autofree char *text = cg_charter_generate_text (s, CG_CHARTER_STILL_TO_RESOLVE);
  g_autofree char *after = NULL;

  assert_non_null (strstr (text, "“Leadership of this partnership is accepted by all” "
                                 "(Purpose and Leadership): views diverge"));
  assert_non_null (strstr (text, "Keep the family informed: Priya Natarajan and أميرة حداد "
                                 "each claim the lead (Accountable)."));
  assert_non_null (
    strstr (text, "Manage the pooled budget: nobody has taken the lead (Accountable)."));
  /* Nobody claimed the meeting chair either, but the facilitator settled it. */
  assert_null (strstr (text, "Chair the weekly team meeting"));
  /* Clear tasks are not listed. */
  assert_null (strstr (text, "needs assessment"));

  cg_session_set_task_charter_accountable (s, task_id (s, 1), 0);
  after = cg_charter_generate_text (s, CG_CHARTER_STILL_TO_RESOLVE);
  assert_non_null (strstr (after, "Chair the weekly team meeting: nobody has taken the lead"));
}

/* The sentence naming who sees it differently agrees with how many do:
 * {5, 5, 1} has median 5 and one partner on the other side of neutral,
 * {5, 5, 5, 1, 2} two (tests/core/test-analysis.c has the rule). */
static void
test_still_to_resolve_names_dissenters (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint ann = cg_session_add_partner (s, "Ann", "Org", "Role");
  guint ben = cg_session_add_partner (s, "Ben", "Org", "Role");
  guint cara = cg_session_add_partner (s, "Cara", "Org", "Role");
  guint item = cg_session_add_statement (s, 0, "We agree.");
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  guint dan, eve;

  cg_session_set_rating (s, ann, item, CG_RATING_5);
  cg_session_set_rating (s, ben, item, CG_RATING_5);
  cg_session_set_rating (s, cara, item, CG_RATING_1);
  one = cg_charter_generate_text (s, CG_CHARTER_STILL_TO_RESOLVE);
  assert_non_null (strstr (one, "“We agree.” (Purpose and Leadership): views diverge; "
                                "Cara sees it differently from most."));

  dan = cg_session_add_partner (s, "Dan", "Org", "Role");
  eve = cg_session_add_partner (s, "Eve", "Org", "Role");
  cg_session_set_rating (s, dan, item, CG_RATING_5);
  cg_session_set_rating (s, eve, item, CG_RATING_2);
  two = cg_charter_generate_text (s, CG_CHARTER_STILL_TO_RESOLVE);
  assert_non_null (strstr (two, "views diverge; Cara and Eve see it differently from most."));
}

static void
test_nothing_to_resolve (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  g_autofree char *text = cg_charter_generate_text (s, CG_CHARTER_STILL_TO_RESOLVE);

  assert_string_equal (text, "Nothing was left open at the end of the workshop.");
}

/* Two partners split 1 and 5 on a statement: divergent, but while the
 * lesson's answers are hidden the charter must neither show it nor claim
 * that nothing was left open. Revealed, the statement is listed. */
static void
test_still_to_resolve_hidden (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint a = cg_session_add_partner (s, "Ann", "Org", "Role");
  guint b = cg_session_add_partner (s, "Ben", "Org", "Role");
  guint item = cg_session_add_statement (s, 0, "We agree.");
  g_autofree char *hidden = NULL;
  g_autofree char *shown = NULL;

  cg_session_set_rating (s, a, item, CG_RATING_1);
  cg_session_set_rating (s, b, item, CG_RATING_5);
  cg_session_set_answers_hidden (s, TRUE);
  hidden = cg_charter_generate_text (s, CG_CHARTER_STILL_TO_RESOLVE);
  assert_string_equal (hidden, "Nothing is open among the answers revealed so far; some "
                               "answers are still hidden.");
  cg_session_set_revealed (s, CG_STAGE_FOR_LESSON (0), TRUE);
  shown = cg_charter_generate_text (s, CG_CHARTER_STILL_TO_RESOLVE);
  assert_non_null (strstr (shown, "“We agree.”"));
}

/* "What we will work on": statements the room agrees are not true. Three
 * partners answer {2,2,1} (median 2, consensus
 * 1 + (2 log2 (1 - 1/3 / 4) + log2 (1 - 2/3 / 4)) / 3 = 0.83, nobody at
 * 4-5: agreed, not true) and {4,4,5} (agreed and true: not listed). Hidden
 * answers give nothing away. */
static void
test_work_on_generated (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  const CgRating low[] = { 2, 2, 1 }, high[] = { 4, 4, 5 };
  guint missing = cg_session_add_statement (s, 3, "Milestones have dates");
  guint fine = cg_session_add_statement (s, 3, "We meet every week");
  g_autofree char *text = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *none = NULL;

  for (guint i = 0; i < 3; i++)
    {
      guint p = cg_session_add_partner (s, "Partner", "Org", "Role");

      cg_session_set_rating (s, p, missing, low[i]);
      cg_session_set_rating (s, p, fine, high[i]);
    }
  assert_string_equal (cg_charter_field_get_title (CG_CHARTER_WORK_ON), "What we will work on");
  text = cg_charter_generate_text (s, CG_CHARTER_WORK_ON);
  assert_string_equal (text, "“Milestones have dates” (Managing for Performance): we agree "
                             "this is not yet so.");
  cg_session_set_answers_hidden (s, TRUE);
  hidden = cg_charter_generate_text (s, CG_CHARTER_WORK_ON);
  assert_null (strstr (hidden, "Milestones"));
  cg_session_set_answers_hidden (s, FALSE);
  cg_session_set_rating (s, cg_session_get_partner (s, 0)->id, missing, 5);
  none = cg_charter_generate_text (s, CG_CHARTER_WORK_ON);
  assert_string_equal (none, "The partners found nothing they agree is missing.");
}

static void
test_join_names (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *one = NULL;
  g_autofree char *three = NULL;
  guint p0 = partner_id (s, 0), p1 = partner_id (s, 1), p3 = partner_id (s, 3);

  g_array_append_val (ids, p0);
  one = cg_charter_join_partner_names (s, ids);
  assert_string_equal (one, "Sam Okafor");
  g_array_append_val (ids, p1);
  g_array_append_val (ids, p3);
  three = cg_charter_join_partner_names (s, ids);
  assert_string_equal (three, "Sam Okafor, Priya Natarajan and David Cohen");
}

/* Past the cap a table cell names the first partners and counts the rest;
 * up to it the list is the sentence join. */
static void
test_join_names_capped (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *three = NULL;
  g_autofree char *ten = NULL;
  g_autofree char *eleven = NULL;

  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *name = g_strdup_printf ("N%u", i + 1);
      guint id = cg_session_add_partner (s, name, "Org", "Role");

      g_array_append_val (ids, id);
    }
  g_array_set_size (ids, 3);
  three = cg_charter_join_partner_names_max (s, ids, 3);
  assert_string_equal (three, "N1, N2 and N3");
  g_array_set_size (ids, 0);
  for (guint i = 0; i < 11; i++)
    g_array_append_val (ids, cg_session_get_partner (s, i)->id);
  g_array_set_size (ids, 10);
  ten = cg_charter_join_partner_names_max (s, ids, 8);
  assert_string_equal (ten, "N1, N2, N3, N4, N5, N6, N7, N8 and 2 others");
  g_array_set_size (ids, 11);
  eleven = cg_charter_join_partner_names_max (s, ids, 10);
  assert_string_equal (eleven, "N1, N2, N3, N4, N5, N6, N7, N8, N9, N10 and 1 other");
}

static CgSession *
rated_session (guint n_partners,
               guint per_lesson,
               guint n_aims)
{
  CgSession *s = cg_session_new ();

  for (guint p = 0; p < n_partners; p++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %u", p + 1);

      cg_session_add_partner (s, name, "Org", "Role");
    }
  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < per_lesson; i++)
      cg_session_add_statement (s, l, "A statement.");
  for (guint i = 0; i < n_aims; i++)
    cg_session_add_aim (s, "An aim.");
  return s;
}

/* A4 content: 595 - 2 x 62 pt margins = 471 pt wide. The names column
 * takes at most 28 % + swatch and padding (145 pt), leaving the grid at
 * least 471 - 160 = 311 pt; a digit needs 0.9 of the font size, which is
 * 10 pt and never under 6.5 pt. 30 items: 10.4 pt a cell or more, one heat
 * map. 103 items: under 471 / 103 = 4.6 pt, below even the smallest font,
 * so one per lesson (20 items, 15 pt or more) and one for the aims. 200
 * partners: 200 rows of at least 9.1 pt (6.5 pt x 1.4) do not fit a page. */
static void
test_report_heatmaps (void **state)
{
  g_autoptr (CgPageLayout) doc = cg_page_layout_new (NULL, 595.28, 841.89, NULL);
  double width = cg_page_layout_get_content_width (doc);
  double height = cg_page_layout_get_content_height (doc) - 80.0;
  g_autoptr (CgSession) small = rated_session (8, 6, 0);
  g_autoptr (CgSession) wide = rated_session (8, 20, 3);
  g_autoptr (CgSession) tall = rated_session (200, 1, 0);
  g_autoptr (CgSession) nobody = rated_session (0, 3, 0);
  g_autoptr (GPtrArray) one = cg_report_heatmaps (small, width, height);
  g_autoptr (GPtrArray) six = cg_report_heatmaps (wide, width, height);
  g_autoptr (GPtrArray) none = cg_report_heatmaps (tall, width, height);
  g_autoptr (GPtrArray) empty = cg_report_heatmaps (nobody, width, height);
  CgReportHeatmap *part;

  assert_int_equal (one->len, 1);
  part = one->pdata[0];
  assert_null (part->title);
  assert_int_equal (part->items->len, 30);
  assert_true (part->legible);

  assert_int_equal (six->len, 6);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      part = six->pdata[l];
      assert_string_equal (part->title, cg_lesson_get_title (l));
      assert_int_equal (part->items->len, 20);
      assert_int_equal (g_array_index (part->items, guint, 0),
                        cg_session_get_statement (wide, l, 0)->id);
      assert_true (part->legible);
    }
  part = six->pdata[5];
  assert_string_equal (part->title, "Aims");
  assert_int_equal (part->items->len, 3);
  assert_true (part->legible);

  assert_int_equal (none->len, CG_N_LESSONS);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    assert_false (((CgReportHeatmap *) none->pdata[l])->legible);

  assert_int_equal (empty->len, 0);
}

/* Up to 4,000 letters (partners x tasks) the report prints the matrix. */
static void
test_role_matrix_cap (void **state)
{
  g_autoptr (CgSession) s = rated_session (40, 0, 0);

  assert_int_equal (CG_REPORT_MAX_MATRIX_CELLS, 4000);
  for (guint i = 0; i < 100; i++)
    cg_session_add_task (s, "A task.");
  assert_true (cg_report_prints_role_matrix (s));
  cg_session_add_task (s, "One task too many.");
  assert_false (cg_report_prints_role_matrix (s));
}

/* Paints every page on a recording surface and checks that all ink lies
 * inside the side margins and inside the page. */
static void
assert_ink_inside (CgCharterLayout     *layout,
                   double               width,
                   double               height,
                   const CgPageMargins *m)
{
  guint n = cg_charter_layout_get_n_pages (layout);

  assert_true (n >= 1);
  for (guint page = 0; page < n; page++)
    {
      cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (rec);
      double x, y, w, h;

      cg_charter_layout_render_page (layout, cr, page);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (rec, &x, &y, &w, &h);
      cairo_surface_destroy (rec);
      if (x < m->left - 1.0 || x + w > width - m->right + 1.0 || y < 0 || y + h > height)
        fail_msg ("page %u: ink %.1f,%.1f %.1fx%.1f outside the page box", page, x, y, w, h);
    }
}

static void
test_sample_pages_stay_inside (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  CgPageMargins m;
  double w, h;

  cg_page_margins_init_default (&m);
  for (CgPaperSize paper = CG_PAPER_A4; paper <= CG_PAPER_LETTER; paper++)
    {
      g_autoptr (CgCharterLayout) layout = NULL;

      cg_paper_size_get_size (paper, &w, &h);
      layout = cg_charter_layout_new (s, w, h, &m);
      assert_in_range (cg_charter_layout_get_n_pages (layout), 2, 4);
      assert_ink_inside (layout, w, h, &m);
    }
}

static void
test_unbreakable_words_wrap (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  g_autoptr (CgCharterLayout) layout = NULL;
  g_autofree char *word = g_strnfill (700, 'W');
  g_autofree char *url = g_strconcat ("https://example.org/", word, NULL);
  CgPageMargins m;

  /* Words wider than any column: a name, an organisation, a task, an aim. */
  cg_session_add_partner (s, word, url, word);
  cg_session_set_task_text (s, task_id (s, 0), url);
  cg_session_set_item_text (s, cg_session_get_aim (s, 1)->id, word);
  cg_session_set_charter_field (s, CG_CHARTER_TITLE, word);
  cg_page_margins_init_default (&m);
  layout = cg_charter_layout_new (s, 595, 842, &m);
  assert_ink_inside (layout, 595, 842, &m);
}

static void
test_stress_paginates_inside (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_stress ();
  g_autoptr (CgCharterLayout) a4 = NULL;
  g_autoptr (CgCharterLayout) letter = NULL;
  CgPageMargins m;

  cg_page_margins_init_default (&m);
  a4 = cg_charter_layout_new (s, 595, 842, &m);
  letter = cg_charter_layout_new (s, 612, 792, &m);
  /* Far more than a page; Letter is 50 pt shorter and only 17 pt wider, so
   * the same text takes more Letter pages. */
  assert_true (cg_charter_layout_get_n_pages (a4) > 10);
  assert_true (cg_charter_layout_get_n_pages (letter) > cg_charter_layout_get_n_pages (a4));
  assert_ink_inside (a4, 595, 842, &m);
  assert_ink_inside (letter, 612, 792, &m);
}

static void
fill_box (cairo_t *cr,
          double   width,
          double   height,
          gpointer data)
{
  double *given = data;

  given[0] = width;
  given[1] = height;
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
test_tall_drawing_shrinks_whole (void **state)
{
  g_autoptr (CgPageLayout) doc = NULL;
  CgPageMargins m;
  double given[2] = { 0, 0 };
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (rec);
  double x, y, w, h;

  cg_page_margins_init_default (&m);
  doc = cg_page_layout_new (NULL, 595, 842, &m);
  cg_page_layout_add_drawing (doc, 3000, fill_box, given, NULL);
  assert_int_equal (cg_page_layout_get_n_pages (doc), 1);
  cg_page_layout_render_page (doc, cr, 0);
  cairo_destroy (cr);
  /* The figure is told its own size; it lands inside the margins, scaled
   * by (842 - 144 - 48) / 3000 = 0.2167 and centred. */
  assert_true (given[0] == 595 - 124 && given[1] == 3000);
  cairo_recording_surface_ink_extents (rec, &x, &y, &w, &h);
  cairo_surface_destroy (rec);
  /* (The ink's bottom is the page number's, under the figure.) */
  assert_true (fabs (y - 72.0) < 0.5);
  assert_true (fabs (w - 471.0 * 650.0 / 3000.0) < 1.0);
  assert_true (fabs ((x + w / 2) - 595.0 / 2) < 1.0);
}

/* The height of one line of @font as the layout measures it (72 dpi). */
static double
line_height (const char *font)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int height;

  pango_cairo_context_set_resolution (context, 72.0);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Responsibilities", -1);
  pango_layout_get_size (layout, NULL, &height);
  pango_font_description_free (desc);
  g_object_unref (layout);
  g_object_unref (context);
  return (double) height / PANGO_SCALE;
}

/* Six columns headed by a 16-letter word each: at 9 pt bold, with padding,
 * they are wider than the 471 pt of an A4 page with whatever font the
 * machine has (Noto about 530 pt, DejaVu or a monospace about 590). The
 * table's type shrinks until every header is one unbroken line: the table
 * (a header and one row of single letters) is then about two lines and its
 * padding (4 pt above and below each row) high; a header broken inside its
 * word would take at least a line more. Everything stays inside the
 * margins. */
static void
test_table_shrinks_to_fit (void **state)
{
  static const double weights[] = { 1, 1, 1, 1, 1, 1 };
  const char *headers[] = { "Responsibilities", "Responsibilities", "Responsibilities",
                            "Responsibilities", "Responsibilities", "Responsibilities" };
  const char *cells[] = { "a", "b", "c", "d", "e", "f" };
  g_autoptr (CgPageLayout) doc = NULL;
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (rec);
  double header_line = line_height ("Noto Sans, DejaVu Sans, sans-serif Bold 9");
  double row_line = line_height ("Noto Sans, DejaVu Sans, sans-serif 9.5");
  CgPageMargins m;
  double x, y, w, h;

  cg_page_margins_init_default (&m);
  doc = cg_page_layout_new (NULL, 595, 842, &m);
  cg_page_layout_begin_table (doc, 6, weights, headers);
  cg_page_layout_add_row (doc, cells);
  cg_page_layout_end_table (doc);
  assert_int_equal (cg_page_layout_get_n_pages (doc), 1);
  /* The body only, not the page number under it. */
  cairo_rectangle (cr, 0, 0, 595, 842 - m.bottom);
  cairo_clip (cr);
  cg_page_layout_render_page (doc, cr, 0);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (rec, &x, &y, &w, &h);
  cairo_surface_destroy (rec);
  if (x < m.left - 0.5 || x + w > 595 - m.right + 0.5)
    fail_msg ("table ink %.1f..%.1f outside the margins", x, x + w);
  if (h > 16 + header_line + row_line + 0.3 * header_line)
    fail_msg ("table %.1f pt high: a header wrapped (lines %.1f and %.1f pt)", h, header_line,
              row_line);
}

static void
test_export_pdf_error (void **state)
{
  g_autoptr (CgSession) s = charter_fixture_sample ();
  g_autoptr (GError) error = NULL;

  assert_false (cg_charter_export_pdf (s, "/nonexistent-dir/x.pdf", CG_PAPER_A4, &error));
  assert_non_null (error);
  assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
}

static void
test_paper_sizes (void **state)
{
  CgPaperSize p = CG_PAPER_A4;
  double w, h;

  cg_paper_size_get_size (CG_PAPER_A4, &w, &h);
  assert_true (w == 595.0 && h == 842.0);
  cg_paper_size_get_size (CG_PAPER_LETTER, &w, &h);
  assert_true (w == 612.0 && h == 792.0);
  assert_true (cg_paper_size_from_string ("Letter", &p));
  assert_int_equal (p, CG_PAPER_LETTER);
  assert_true (cg_paper_size_from_string ("a4", &p));
  assert_int_equal (p, CG_PAPER_A4);
  assert_false (cg_paper_size_from_string ("a5", &p));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_review_order),
    cmocka_unit_test (test_strips_capped),
    cmocka_unit_test (test_agreed_aims_by_importance),
    cmocka_unit_test (test_unrated_agreed_aim_comes_last),
    cmocka_unit_test (test_accountable_as_the_room_resolved),
    cmocka_unit_test (test_own_text_replaces_generated),
    cmocka_unit_test (test_generated_title_without_session_title),
    cmocka_unit_test (test_review_date_six_months_on),
    cmocka_unit_test (test_still_to_resolve_generated),
    cmocka_unit_test (test_nothing_to_resolve),
    cmocka_unit_test (test_still_to_resolve_hidden),
    cmocka_unit_test (test_work_on_generated),
    cmocka_unit_test (test_still_to_resolve_names_dissenters),
    cmocka_unit_test (test_join_names),
    cmocka_unit_test (test_join_names_capped),
    cmocka_unit_test (test_report_heatmaps),
    cmocka_unit_test (test_role_matrix_cap),
    cmocka_unit_test (test_sample_pages_stay_inside),
    cmocka_unit_test (test_unbreakable_words_wrap),
    cmocka_unit_test (test_stress_paginates_inside),
    cmocka_unit_test (test_tall_drawing_shrinks_whole),
    cmocka_unit_test (test_table_shrinks_to_fit),
    cmocka_unit_test (test_export_pdf_error),
    cmocka_unit_test (test_paper_sizes),
  };

  setlocale (LC_ALL, "C.UTF-8");
  return cmocka_run_group_tests (tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Review stage: divergent items first, "Talk about these first" opens
 * the right stage, the page follows the session, hidden answers stay hidden. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-chart-dots.h"
#include "cg-chart-widget.h"
#include "cg-group-review.h"
#include "cg-review-page.h"

typedef struct
{
  CgSession *session;
  GtkWidget *page;
  GtkWindow *window;
  guint partners[8];
  guint agreed, divergent, split, aim;
  guint clear_task, gap_task;
  char *goto_target;
} Fixture;

static const char *const names[] = {
  "Alex Smith",
  "Dr Priya Natarajan",
  "Sam Okafor",
  "Jo Brown",
  "Riverside Community Mental Health Service",
  "Northfield Primary School",
  "Housing Options",
  "Service User Representative",
};

static void
build_session (Fixture *f)
{
  CgSession *s = cg_session_new ();

  f->session = s;
  for (guint i = 0; i < 8; i++)
    f->partners[i] = cg_session_add_partner (s, names[i], "Organisation", "Role");
  f->agreed = cg_session_add_statement (s, 0, "We share a clear purpose.");
  /* Ones against fives: the most divergent. */
  f->split = cg_session_add_statement (s, 2, "Jargon is kept out of our meetings.");
  f->divergent = cg_session_add_statement (s, 3, "Performance information is shared.");
  for (guint l = 1; l < CG_N_LESSONS; l++)
    if (l != 2 && l != 3)
      cg_session_add_statement (s, l, "Services are organised around the family.");
  f->aim = cg_session_add_aim (s, "One plan for the family");
  for (guint i = 0; i < 8; i++)
    {
      cg_session_set_rating (s, f->partners[i], f->agreed, CG_RATING_5);
      cg_session_set_rating (s, f->partners[i], f->split, i < 4 ? CG_RATING_1 : CG_RATING_5);
      cg_session_set_rating (s, f->partners[i], f->divergent, i == 0 ? CG_RATING_2 : CG_RATING_4);
      cg_session_set_rating (s, f->partners[i], f->aim, 3 + i % 3);
      for (guint l = 1; l < CG_N_LESSONS; l++)
        for (guint k = 0; k < cg_session_get_n_statements (s, l); k++)
          {
            const CgItem *item = cg_session_get_statement (s, l, k);

            if (item->id != f->split && item->id != f->divergent)
              cg_session_set_rating (s, f->partners[i], item->id, 3 + (i + l) % 3);
          }
    }
  f->clear_task = cg_session_add_task (s, "Lead the needs assessment");
  f->gap_task = cg_session_add_task (s, "Manage the pooled budget");
  for (guint i = 0; i < 8; i++)
    {
      cg_session_set_involvement (s, f->partners[i], f->clear_task,
                                  i == 0   ? CG_INVOLVEMENT_ACCOUNTABLE
                                  : i == 1 ? CG_INVOLVEMENT_RESPONSIBLE
                                           : CG_INVOLVEMENT_INFORMED);
      cg_session_set_believed_accountable (s, f->partners[i], f->clear_task, f->partners[0]);
      cg_session_set_involvement (s, f->partners[i], f->gap_task,
                                  i == 2 ? CG_INVOLVEMENT_RESPONSIBLE : CG_INVOLVEMENT_CONSULTED);
    }
}

static void
goto_stage (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  Fixture *f = data;

  g_free (f->goto_target);
  f->goto_target = g_variant_dup_string (param, NULL);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) action = g_simple_action_new ("goto-stage", G_VARIANT_TYPE_STRING);

  build_session (f);
  f->page = cg_review_page_new ();
  g_object_set (f->page, "session", f->session, NULL);
  f->window = cg_test_window_new (f->page);
  g_signal_connect (action, "activate", G_CALLBACK (goto_stage), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  gtk_window_destroy (f->window);
  cg_test_iterate ();
  g_object_unref (f->session);
  g_free (f->goto_target);
  g_free (f);
  return 0;
}

/* The dot strips' item ids, in the order shown. */
static GArray *
strip_ids (Fixture *f)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *box = cg_review_page_get_strips (CG_REVIEW_PAGE (f->page));

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    if (CG_IS_CHART_WIDGET (c))
      {
        guint id = cg_chart_widget_get_item_id (CG_CHART_WIDGET (c));

        g_array_append_val (ids, id);
      }
  return ids;
}

static GPtrArray *
talk_targets (Fixture *f)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *list = cg_review_page_get_talk_list (CG_REVIEW_PAGE (f->page));

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (c));
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c));

      assert_string_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), "win.goto-stage");
      g_ptr_array_add (out, g_strdup_printf ("%s|%s", g_variant_get_string (target, NULL), title));
    }
  return out;
}

static void
test_divergent_first (void **state)
{
  Fixture *f = *state;
  g_autoptr (GArray) ids = strip_ids (f);

  /* Every statement (1 + 1 + 1 + 1 + 1) and the aim. */
  assert_int_equal (ids->len, 6);
  /* Four ones and four fives: consensus 0, the most divergent. Then one 2
   * among sevens 4: divergent too (a 1-2 against 4-5). Agreed last. */
  assert_int_equal (g_array_index (ids, guint, 0), f->split);
  assert_int_equal (g_array_index (ids, guint, 1), f->divergent);
  assert_int_equal (g_array_index (ids, guint, 5), f->agreed);
}

static void
test_talk_first (void **state)
{
  Fixture *f = *state;
  g_autoptr (GPtrArray) rows = talk_targets (f);
  GtkWidget *first;

  assert_int_equal (rows->len, 3);
  assert_string_equal (g_ptr_array_index (rows, 0),
                       "lesson-3|3.1  Jargon is kept out of our meetings.");
  assert_string_equal (g_ptr_array_index (rows, 1),
                       "lesson-4|4.1  Performance information is shared.");
  assert_string_equal (g_ptr_array_index (rows, 2), "roles|Manage the pooled budget");

  first = gtk_widget_get_first_child (cg_review_page_get_talk_list (CG_REVIEW_PAGE (f->page)));
  gtk_widget_activate (first);
  cg_test_iterate ();
  assert_string_equal (f->goto_target, "lesson-3");
}

static gboolean
split_resolved (gpointer data)
{
  Fixture *f = data;
  g_autoptr (GArray) ids = strip_ids (f);

  return ids->len == 6 && g_array_index (ids, guint, 0) == f->divergent;
}

static void
test_follows_session (void **state)
{
  Fixture *f = *state;
  g_autoptr (GPtrArray) rows = NULL;

  /* The room moves: everyone now says 5 to 3.1. */
  cg_session_begin_group (f->session);
  for (guint i = 0; i < 4; i++)
    cg_session_set_rating (f->session, f->partners[i], f->split, CG_RATING_5);
  cg_session_end_group (f->session);
  assert_true (cg_test_wait_for (split_resolved, f, 2000));
  rows = talk_targets (f);
  assert_int_equal (rows->len, 2);
  assert_string_equal (g_ptr_array_index (rows, 0),
                       "lesson-4|4.1  Performance information is shared.");
}

static gboolean
has_notice (GtkWidget  *box,
            const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c) && strstr (gtk_label_get_label (GTK_LABEL (c)), text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
strips_hidden (gpointer data)
{
  Fixture *f = data;
  g_autoptr (GArray) ids = strip_ids (f);

  return ids->len == 0;
}

static void
test_hidden_answers (void **state)
{
  Fixture *f = *state;
  GtkWidget *box = cg_review_page_get_strips (CG_REVIEW_PAGE (f->page));
  g_autoptr (GPtrArray) rows = NULL;

  cg_session_set_answers_hidden (f->session, TRUE);
  assert_true (cg_test_wait_for (strips_hidden, f, 2000));
  assert_true (has_notice (box, "Culture and Communication: Answers are hidden until you "
                                "reveal them on that stage."));
  assert_true (has_notice (box, "Aims: Answers are hidden"));
  rows = talk_targets (f);
  assert_int_equal (rows->len, 0);
  assert_true (gtk_widget_get_visible (
    gtk_widget_get_next_sibling (cg_review_page_get_talk_list (CG_REVIEW_PAGE (f->page)))));

  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Revealing lesson 3 brings back its strip and its entry, nothing else. */
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_3, TRUE);
  cg_test_iterate ();
  {
    g_autoptr (GArray) ids = strip_ids (f);

    assert_int_equal (ids->len, 1);
    assert_int_equal (g_array_index (ids, guint, 0), f->split);
  }
  rows = talk_targets (f);
  assert_int_equal (rows->len, 1);
  assert_false (has_notice (box, "Culture and Communication: Answers are hidden"));
}

static void
find_charts (GtkWidget *root,
             GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      /* Sections not shown (By group, without groups) hold no chart the
       * room sees. */
      if (!gtk_widget_get_visible (c))
        continue;
      if (CG_IS_CHART_WIDGET (c))
        g_ptr_array_add (out, c);
      find_charts (c, out);
    }
}

static void
test_charts_described (void **state)
{
  Fixture *f = *state;
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();
  gboolean radar = FALSE, roles = FALSE;

  find_charts (f->page, charts);
  /* Six strips, radar, heat map, role matrix. */
  assert_int_equal (charts->len, 9);
  for (guint i = 0; i < charts->len; i++)
    {
      CgChartWidget *c = g_ptr_array_index (charts, i);
      const char *d = cg_chart_widget_get_description (c);

      assert_int_equal (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (c)),
                        GTK_ACCESSIBLE_ROLE_IMG);
      assert_true (d != NULL && strlen (d) > 20);
      assert_true (gtk_widget_get_height (GTK_WIDGET (c)) > 60);
      if (cg_chart_widget_get_kind (c) == CG_CHART_KIND_RADAR)
        radar = strstr (d, "Purpose and Leadership: group 5.0") != NULL;
      if (cg_chart_widget_get_kind (c) == CG_CHART_KIND_ROLES)
        roles = strstr (d, "Manage the pooled budget: Gap.") != NULL;
    }
  assert_true (radar && roles);
}

/* The partner key is read, not operated: Tab doesn't stop on each name. */
static void
test_partner_key_not_in_tab_order (void **state)
{
  Fixture *f = *state;
  GtkWidget *key = cg_test_find (f->page, GTK_TYPE_FLOW_BOX, NULL);
  guint n = 0;

  assert_non_null (key);
  for (GtkWidget *c = gtk_widget_get_first_child (key); c; c = gtk_widget_get_next_sibling (c))
    {
      assert_false (gtk_widget_get_focusable (c));
      n++;
    }
  assert_true (n > 0);
}

static void
assert_rgb (CgRgb c,
            guint hex)
{
  assert_true (G_APPROX_VALUE (c.red, ((hex >> 16) & 0xff) / 255.0, 0.002));
  assert_true (G_APPROX_VALUE (c.green, ((hex >> 8) & 0xff) / 255.0, 0.002));
  assert_true (G_APPROX_VALUE (c.blue, (hex & 0xff) / 255.0, 0.002));
}

/* The system's dark style reaches the charts: their palette (cg-chart-style.c:
 * light draws on #ffffff with #c0bfbc grid lines, dark on #242424 with
 * #5e5c64) and their ink (the theme's text colour) follow AdwStyleManager,
 * both ways. */
static void
test_dark_follows_system (void **state)
{
  Fixture *f = *state;
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  CgChartWidget *chart;
  CgChartStyle style;

  find_charts (f->page, charts);
  assert_true (charts->len > 0);
  chart = g_ptr_array_index (charts, 0);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cg_test_iterate ();
  cg_chart_widget_get_style (chart, &style);
  assert_rgb (style.bg, 0xffffff);
  assert_rgb (style.grid, 0xc0bfbc);
  assert_true (style.fg.red < 0.3 && style.fg.green < 0.3 && style.fg.blue < 0.3);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  cg_test_iterate ();
  cg_chart_widget_get_style (chart, &style);
  assert_rgb (style.bg, 0x242424);
  assert_rgb (style.grid, 0x5e5c64);
  assert_true (style.fg.red > 0.8 && style.fg.green > 0.8 && style.fg.blue > 0.8);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cg_test_iterate ();
  cg_chart_widget_get_style (chart, &style);
  assert_rgb (style.bg, 0xffffff);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
save_window (GtkWindow  *window,
             const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  int w = gtk_widget_get_width (GTK_WIDGET (window));
  int h = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  assert_non_null (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  assert_true (gdk_texture_save_to_png (texture, path));
}

/* For a person to look at: the page at projector size, top to bottom. */
static void
test_screenshot (void **state)
{
  Fixture *f = *state;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = cg_review_page_new ();
  GtkWidget *scroller = gtk_widget_get_first_child (page);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  const double at[] = { 0, 0.3, 0.6, 1.0 };

  g_object_set (page, "session", f->session, NULL);
  gtk_window_set_default_size (window, 1920, 1080);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  for (int i = 0; i < 20; i++)
    cg_test_iterate ();
  assert_int_equal (gtk_widget_get_width (GTK_WIDGET (window)), 1920);
  for (guint i = 0; i < G_N_ELEMENTS (at); i++)
    {
      g_autofree char *name = g_strdup_printf ("review-page-1920-%u.png", i);

      gtk_adjustment_set_value (
        adj, (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) * at[i]);
      for (int k = 0; k < 10; k++)
        cg_test_iterate ();
      save_window (window, name);
    }
  gtk_window_destroy (window);
}

static gboolean
agreed_now_missing (gpointer data)
{
  Fixture *f = data;
  g_autoptr (GPtrArray) rows = talk_targets (f);

  return rows->len == 4;
}

/* Everyone now answers 2 to "We share a clear purpose": agreed (consensus
 * 1), median 2, not true. It is listed after the divergent items and
 * before the unclear role, and its badge and row say "Agreed: not yet". */
static void
test_agreed_not_yet (void **state)
{
  Fixture *f = *state;
  g_autoptr (GPtrArray) rows = NULL;
  GtkWidget *list = cg_review_page_get_talk_list (CG_REVIEW_PAGE (f->page));
  GtkWidget *third;

  cg_session_begin_group (f->session);
  for (guint i = 0; i < 8; i++)
    cg_session_set_rating (f->session, f->partners[i], f->agreed, CG_RATING_2);
  cg_session_end_group (f->session);
  assert_true (cg_test_wait_for (agreed_now_missing, f, 2000));
  rows = talk_targets (f);
  assert_string_equal (g_ptr_array_index (rows, 0),
                       "lesson-3|3.1  Jargon is kept out of our meetings.");
  assert_string_equal (g_ptr_array_index (rows, 1),
                       "lesson-4|4.1  Performance information is shared.");
  assert_string_equal (g_ptr_array_index (rows, 2), "lesson-1|1.1  We share a clear purpose.");
  assert_string_equal (g_ptr_array_index (rows, 3), "roles|Manage the pooled budget");
  third =
    gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (list)));
  assert_true (
    g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (third)), "Agreed: not yet · "));
  {
    g_autofree char *d = cg_chart_dots_describe (f->session, f->agreed);

    assert_non_null (strstr (d, "Agreed: not yet."));
  }
}

static GtkWidget *
by_group (Fixture *f)
{
  GtkWidget *w = cg_test_find (f->page, CG_TYPE_GROUP_REVIEW, NULL);

  assert_non_null (w);
  return w;
}

static gboolean
by_group_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (by_group (f)) &&
         gtk_widget_get_first_child (cg_group_review_get_list (CG_GROUP_REVIEW (by_group (f)))) !=
           NULL;
}

/* "By group" appears once two groups have partners. Partners 0-3 are
 * Health, 4-7 Council. 3.1 (ones from partners 0-3, fives from 4-7):
 * Health 1.0, Council 5.0, 4 points apart with four answers each:
 * flagged. 4.1 (partner 0 at 2, the rest 4): Health 3.5, Council 4.0: not
 * flagged. The heat map says "(one partner)" for a lone partner's group. */
static void
test_by_group (void **state)
{
  Fixture *f = *state;
  GtkWidget *list, *first;
  CgChartWidget *heatmap;

  assert_false (gtk_widget_get_visible (by_group (f)));
  cg_session_begin_group (f->session);
  for (guint i = 0; i < 8; i++)
    cg_session_set_partner_field (f->session, f->partners[i], CG_PARTNER_GROUP,
                                  i < 4 ? "Health" : "Council");
  cg_session_end_group (f->session);
  assert_true (cg_test_wait_for (by_group_shown, f, 2000));
  list = cg_group_review_get_list (CG_GROUP_REVIEW (by_group (f)));
  first = gtk_widget_get_first_child (list);
  assert_null (gtk_widget_get_next_sibling (first));
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)),
                       "3.1  Jargon is kept out of our meetings.");
  assert_string_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)),
                       "Council 5.0 · Health 1.0 · 4.0 points apart");
  gtk_widget_activate (first);
  cg_test_iterate ();
  assert_string_equal (f->goto_target, "lesson-3");

  heatmap = CG_CHART_WIDGET (cg_test_find (by_group (f), CG_TYPE_CHART_WIDGET, NULL));
  cg_session_set_partner_field (f->session, f->partners[7], CG_PARTNER_GROUP, "Charity");
  cg_test_iterate ();
  assert_non_null (strstr (cg_chart_widget_get_description (heatmap), "Charity (one partner)"));

  /* Hidden answers: nothing of the hidden stages in the list. */
  cg_session_set_answers_hidden (f->session, TRUE);
  cg_test_iterate ();
  assert_null (gtk_widget_get_first_child (list));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_divergent_first, setup, teardown),
    cmocka_unit_test_setup_teardown (test_talk_first, setup, teardown),
    cmocka_unit_test_setup_teardown (test_agreed_not_yet, setup, teardown),
    cmocka_unit_test_setup_teardown (test_by_group, setup, teardown),
    cmocka_unit_test_setup_teardown (test_follows_session, setup, teardown),
    cmocka_unit_test_setup_teardown (test_hidden_answers, setup, teardown),
    cmocka_unit_test_setup_teardown (test_charts_described, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dark_follows_system, setup, teardown),
    cmocka_unit_test_setup_teardown (test_partner_key_not_in_tab_order, setup, teardown),
    cmocka_unit_test_setup_teardown (test_screenshot, setup, teardown),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Projector first: the presentation view (F5) shows the current item and
 * follows the main window, keeps hidden answers hidden until Reveal, and
 * is sized for a 1920x1080 projector; zoom changes the main window's text
 * size and is kept in the settings; the timer counts down on a mocked
 * clock to "Time". Runs under xvfb-run at 1920x1080. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-appearance.h"
#include "cg-chart-widget.h"
#include "cg-presentation-window.h"
#include "cg-timer-button.h"
#include "cg-window.h"

typedef struct
{
  CgSession *session;
  CgWindow *window;
  guint partners[3];
  guint statements[2];
  guint aim;
} Fixture;

static const char *const statement_text[] = {
  "We share one clear purpose that every partner could state in a single sentence, "
  "and we would all put it in the same words when asked by the family we serve",
  "Leadership is accepted by every partner",
};

/* Ana 1, Ben 5, Cy 4 on the first statement: divergent (1 beside 4-5). */
static CgSession *
sample_session (Fixture *f)
{
  CgSession *s = cg_session_new ();
  static const char *const names[] = { "Ana Lopez", "Ben Okoro", "Cy Wren" };
  static const CgRating first[] = { CG_RATING_1, CG_RATING_5, CG_RATING_4 };

  for (guint i = 0; i < 3; i++)
    f->partners[i] = cg_session_add_partner (s, names[i], "Org", "");
  for (guint i = 0; i < 2; i++)
    f->statements[i] = cg_session_add_statement (s, 0, statement_text[i]);
  f->aim = cg_session_add_aim (s, "One shared plan per family");
  for (guint i = 0; i < 3; i++)
    cg_session_set_rating (s, f->partners[i], f->statements[0], first[i]);
  return s;
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->session = sample_session (f);
  f->window = cg_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  cg_window_set_session (f->window, f->session);
  gtk_window_present (GTK_WINDOW (f->window));
  cg_test_iterate ();
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  cg_test_iterate ();
  g_object_unref (f->session);
  g_free (f);
  return 0;
}

static CgPresentationWindow *
open_presentation (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  cg_test_iterate ();
  assert_non_null (cg_window_get_presentation (f->window));
  return CG_PRESENTATION_WINDOW (cg_window_get_presentation (f->window));
}

static const char *
main_text (CgPresentationWindow *p)
{
  GtkWidget *label = cg_presentation_window_get_main_label (p);

  assert_non_null (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Everything the view says in words: labels, and the charts' accessible
 * descriptions (what a screen reader, or anyone reading the tree, gets). */
static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (CG_IS_CHART_WIDGET (widget))
    g_string_append_printf (out, "%s\n",
                            cg_chart_widget_get_description (CG_CHART_WIDGET (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

static char *
shown_text (CgPresentationWindow *p)
{
  GString *out = g_string_new (NULL);

  cg_test_iterate ();
  collect_text (GTK_WIDGET (p), out);
  return g_string_free (out, FALSE);
}

static void
test_opens_on_current_item_and_follows (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  assert_int_equal (cg_presentation_window_get_stage (p), CG_STAGE_LESSON_1);
  assert_string_equal (main_text (p), statement_text[0]);

  /* Page Down steps to the next statement, then on into the next stage. */
  gtk_widget_activate_action (GTK_WIDGET (p), "presentation.next", NULL);
  assert_string_equal (main_text (p), statement_text[1]);
  gtk_widget_activate_action (GTK_WIDGET (p), "presentation.next", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_LESSON_2);
  assert_int_equal (cg_presentation_window_get_stage (p), CG_STAGE_LESSON_2);

  /* The facilitator moves on in the main window: the view follows. */
  cg_window_set_stage (f->window, CG_STAGE_AIMS);
  cg_test_iterate ();
  assert_string_equal (main_text (p), "One shared plan per family");
  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  cg_test_iterate ();
  assert_string_equal (main_text (p), "Talk about these first");

  /* Back from the Review's first item lands on the last aim. */
  gtk_widget_activate_action (GTK_WIDGET (p), "presentation.previous", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_ROLES);

  /* Esc leaves; F5 in the main window opens it again. */
  gtk_widget_activate_action (GTK_WIDGET (p), "presentation.leave", NULL);
  cg_test_iterate ();
  assert_null (cg_window_get_presentation (f->window));
}

/* A statement reworded in the main window shows at once. */
static void
test_follows_edits (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  cg_session_set_item_text (f->session, f->statements[0], "Reworded in the room");
  cg_test_iterate ();
  assert_string_equal (main_text (p), "Reworded in the room");
}

static void
test_hidden_until_reveal (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  g_autofree char *before = NULL;
  g_autofree char *review_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *review_after = NULL;

  cg_session_set_answers_hidden (f->session, TRUE);
  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  before = shown_text (p);
  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  review_before = shown_text (p);

  /* The statement is there; its answers, level and outliers are not. */
  assert_non_null (strstr (before, statement_text[0]));
  assert_null (strstr (before, "Divergent"));
  assert_null (strstr (before, "Ana Lopez"));
  assert_null (strstr (before, "Mean"));
  assert_null (strstr (review_before, statement_text[0]));
  assert_null (strstr (review_before, "Divergent"));

  cg_session_set_revealed (f->session, CG_STAGE_LESSON_1, TRUE);
  review_after = shown_text (p);
  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  after = shown_text (p);
  assert_non_null (strstr (after, "Divergent"));
  assert_non_null (strstr (review_after, statement_text[0]));
  assert_non_null (strstr (review_after, "Divergent"));
}

static double
font_px (GtkWidget *widget)
{
  const PangoFontDescription *desc =
    pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  double size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;

  if (!pango_font_description_get_size_is_absolute (desc))
    size *= 96.0 / 72.0;
  return size;
}

static gboolean
base_is_30 (gpointer data)
{
  /* 1080 lines less the window's frame, which Xvfb leaves to the app. */
  return cg_presentation_window_get_base_px (data) == 30 && gtk_widget_get_height (data) >= 1050;
}

/* At 1920x1080 statements are at least 40 px tall and chart text at least
 * 24 px; the long statement wraps over several lines, whole. */
static void
test_projector_sizes (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  GtkWidget *label;
  GtkWidget *chart;
  CgChartStyle style;
  PangoLayout *layout;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  assert_true (cg_test_wait_for (base_is_30, p, 3000));
  cg_test_iterate ();
  label = cg_presentation_window_get_main_label (p);
  assert_true (font_px (label) >= 40.0);

  layout = gtk_label_get_layout (GTK_LABEL (label));
  assert_false (pango_layout_is_ellipsized (layout));
  assert_true (pango_layout_get_line_count (layout) >= 2);

  chart = cg_test_find (cg_presentation_window_get_content (p), CG_TYPE_CHART_WIDGET, NULL);
  assert_non_null (chart);
  cg_chart_widget_get_style (CG_CHART_WIDGET (chart), &style);
  assert_true (style.min_font_size >= 24.0);
  assert_true (style.font_size >= 24.0);
  assert_true (style.hide_item_title);
}

typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock (gpointer data)
{
  return ((FakeClock *) data)->now;
}

static gboolean
flash_toggled (gpointer data)
{
  return !gtk_widget_has_css_class (data, "timer-flash");
}

static void
test_timer_counts_down (void **state)
{
  Fixture *f = *state;
  FakeClock clock = { 1000 * G_USEC_PER_SEC };
  CgTimer *timer = cg_window_get_timer (f->window);
  GtkWidget *button = cg_test_find (GTK_WIDGET (f->window), CG_TYPE_TIMER_BUTTON, NULL);
  CgPresentationWindow *p;
  GtkWidget *big;

  assert_non_null (button);
  cg_timer_set_clock (timer, fake_clock, &clock);
  /* The 2-minute preset, as its button in the popover does it. */
  gtk_widget_activate_action (button, "timer.set-minutes", "u", 2);
  p = open_presentation (f);
  big = cg_presentation_window_get_timer_label (p);
  assert_false (gtk_widget_get_visible (big));

  gtk_widget_activate_action (button, "timer.start-pause", NULL);
  clock.now += 61 * G_USEC_PER_SEC;
  cg_timer_update (timer);
  assert_string_equal (cg_timer_button_get_text (CG_TIMER_BUTTON (button)), "0:59");
  assert_true (gtk_widget_get_visible (big));
  assert_string_equal (gtk_label_get_text (GTK_LABEL (big)), "0:59");

  clock.now += 59 * G_USEC_PER_SEC;
  cg_timer_update (timer);
  assert_int_equal (cg_timer_get_state (timer), CG_TIMER_FINISHED);
  assert_string_equal (cg_timer_button_get_text (CG_TIMER_BUTTON (button)), "Time");
  assert_string_equal (gtk_label_get_text (GTK_LABEL (big)), "Time");
  /* It flashes: the inverted phase first, then off again within a second. */
  assert_true (gtk_widget_has_css_class (big, "timer-flash"));
  assert_true (cg_test_wait_for (flash_toggled, big, 1500));

  gtk_widget_activate_action (button, "timer.reset", NULL);
  assert_string_equal (cg_timer_button_get_text (CG_TIMER_BUTTON (button)), "2:00");
  assert_false (gtk_widget_has_css_class (big, "timer-finished"));
}

typedef struct
{
  GtkWidget *widget;
  double px;
} SizeWait;

static gboolean
size_is (gpointer data)
{
  SizeWait *w = data;

  return G_APPROX_VALUE (font_px (w->widget), w->px, 0.01);
}

/* Styles are recomputed on the next frame. */
static gboolean
wait_for_px (GtkWidget *widget, double px)
{
  SizeWait w = { widget, px };

  if (!cg_test_wait_for (size_is, &w, 2000))
    g_printerr ("font is %g px, expected %g\n", font_px (widget), px);
  return size_is (&w);
}

/* 16 px at 100 %; Ctrl+plus twice is 125 % (1.1, then 1.25): 20 px. The
 * setting holds the value for the next run; Ctrl+0 goes back. */
static void
test_zoom (void **state)
{
  Fixture *f = *state;
  CgAppearance *appearance = cg_appearance_get_default ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *label = cg_test_find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, "Workshop Stages");

  assert_non_null (label);
  cg_appearance_zoom_reset (appearance);
  assert_true (wait_for_px (label, 16.0));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL);
  assert_true (G_APPROX_VALUE (cg_appearance_get_zoom (appearance), 1.25, 1e-9));
  assert_true (wait_for_px (label, 20.0));
  assert_true (G_APPROX_VALUE (g_settings_get_double (settings, "zoom"), 1.25, 1e-9));

  /* The limits hold: 300 % and 50 %. */
  cg_appearance_set_zoom (appearance, 10);
  assert_true (G_APPROX_VALUE (cg_appearance_get_zoom (appearance), 3.0, 1e-9));
  assert_true (G_APPROX_VALUE (cg_appearance_zoom_step (3.0, +1), 3.0, 1e-9));
  assert_true (G_APPROX_VALUE (cg_appearance_zoom_step (0.5, -1), 0.5, 1e-9));
  assert_true (G_APPROX_VALUE (cg_appearance_zoom_step (1.0, -1), 0.9, 1e-9));
  assert_true (wait_for_px (label, 48.0));

  /* A value written by an earlier run is applied. */
  g_settings_set_double (settings, "zoom", 1.5);
  assert_true (G_APPROX_VALUE (cg_appearance_get_zoom (appearance), 1.5, 1e-9));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL);
  assert_true (G_APPROX_VALUE (g_settings_get_double (settings, "zoom"), 1.0, 1e-9));
}

/* The switch in the menu and Preferences: charts draw for high contrast. */
static void
test_high_contrast_switch (void **state)
{
  Fixture *f = *state;
  CgAppearance *appearance = cg_appearance_get_default ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *chart;
  CgChartStyle style;

  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  chart = cg_test_find (cg_window_get_page (f->window, CG_STAGE_REVIEW), CG_TYPE_CHART_WIDGET,
                        NULL);
  assert_non_null (chart);
  cg_chart_widget_get_style (CG_CHART_WIDGET (chart), &style);
  assert_false (style.high_contrast);

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "high-contrast", NULL);
  assert_true (cg_appearance_get_high_contrast (appearance));
  assert_true (g_settings_get_boolean (settings, "high-contrast"));
  cg_chart_widget_get_style (CG_CHART_WIDGET (chart), &style);
  assert_true (style.high_contrast);
  assert_true (cg_rgb_contrast (&style.fg, &style.bg) >= 7.0);
  cg_appearance_set_force_high_contrast (appearance, FALSE);
  assert_false (g_settings_get_boolean (settings, "high-contrast"));
}

static const char *
key_markup (Fixture *f)
{
  GtkWidget *page = cg_window_get_page (f->window, CG_STAGE_REVIEW);
  /* The partner key's entry: its tooltip is the name. */
  GtkWidget *label = cg_test_find (page, GTK_TYPE_LABEL, "Ana Lopez");

  assert_non_null (label);
  assert_non_null (strstr (gtk_label_get_label (GTK_LABEL (label)), "⬤"));
  return gtk_label_get_label (GTK_LABEL (label));
}

/* Ana has the palette's first colour, Okabe-Ito blue #0072b2: 5.19:1 on
 * white, 4.05:1 on black. In high contrast the review page's partner key
 * and every swatch show it as the charts draw it: #005d93 (7.03:1) on the
 * light style, #009cf0 (7.01:1) on the dark one. */
static void
test_high_contrast_partner_colours (void **state)
{
  Fixture *f = *state;
  CgAppearance *appearance = cg_appearance_get_default ();
  gboolean dark;
  const char *want;
  g_autofree char *plain = NULL;
  g_autofree char *contrasted = NULL;

  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  cg_test_iterate ();
  plain = cg_appearance_partner_colour (appearance, "#0072b2");
  assert_string_equal (plain, "#0072b2");
  assert_non_null (strstr (key_markup (f), "#0072b2"));

  cg_appearance_set_force_high_contrast (appearance, TRUE);
  cg_test_iterate ();
  dark = cg_appearance_get_dark (appearance);
  want = dark ? "#009cf0" : "#005d93";
  contrasted = cg_appearance_partner_colour (appearance, "#0072b2");
  assert_string_equal (contrasted, want);
  assert_non_null (strstr (key_markup (f), want));
  assert_null (strstr (key_markup (f), "#0072b2"));

  cg_appearance_set_force_high_contrast (appearance, FALSE);
  cg_test_iterate ();
  assert_non_null (strstr (key_markup (f), "#0072b2"));
}

int
main (int argc, char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_opens_on_current_item_and_follows, setup, teardown),
    cmocka_unit_test_setup_teardown (test_follows_edits, setup, teardown),
    cmocka_unit_test_setup_teardown (test_hidden_until_reveal, setup, teardown),
    cmocka_unit_test_setup_teardown (test_projector_sizes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_timer_counts_down, setup, teardown),
    cmocka_unit_test_setup_teardown (test_zoom, setup, teardown),
    cmocka_unit_test_setup_teardown (test_high_contrast_switch, setup, teardown),
    cmocka_unit_test_setup_teardown (test_high_contrast_partner_colours, setup, teardown),
  };
  g_autoptr (GtkCssProvider) css = NULL;

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  /* What AdwApplication loads by itself in the app. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/commonground/CommonGround/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return cmocka_run_group_tests (tests, NULL, NULL);
}

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
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include "cg-appearance.h"
#include "cg-capture-bar.h"
#include "cg-chart-widget.h"
#include "cg-presentation-window.h"
#include "cg-rating-grid.h"
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
  static const char *const partners[] = { "Ana Lopez", "Org",     "",    "Ben Okoro", "Org",
                                          "",          "Cy Wren", "Org", "",          NULL };
  static const CgRating first[] = { CG_RATING_1, CG_RATING_5, CG_RATING_4 };
  CgSession *s = cg_test_session_new (partners, f->partners, NULL, NULL, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statement_text); i++)
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
  cg_test_show_window (f->session, &f->window);
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
collect_text (GtkWidget *widget,
              GString   *out)
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

/* The facilitator moves down the rating grid in the main window: the
 * view shows the statement of the row with the focus, on lessons and aims. */
static void
test_follows_the_grid_row (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  CgRatingGrid *grid;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  gtk_window_present (GTK_WINDOW (f->window));
  grid = CG_RATING_GRID (
    cg_test_find (cg_window_get_page (f->window, CG_STAGE_LESSON_1), CG_TYPE_RATING_GRID, NULL));
  assert_non_null (grid);
  assert_string_equal (main_text (p), statement_text[0]);

  cg_rating_grid_set_cursor (grid, 1, 2);
  assert_true (gtk_widget_grab_focus (cg_rating_grid_get_cell (grid, 1, 2)));
  cg_test_iterate ();
  assert_string_equal (main_text (p), statement_text[1]);
  /* Arrow up, as the facilitator would. */
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Up, 0));
  cg_test_iterate ();
  assert_string_equal (main_text (p), statement_text[0]);

  /* Focus outside the grid leaves the view where it is. */
  assert_true (gtk_widget_grab_focus (
    cg_test_find (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "Next stage (Alt+Right)")));
  cg_test_iterate ();
  assert_string_equal (main_text (p), statement_text[0]);
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
wait_for_px (GtkWidget *widget,
             double     px)
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
  chart =
    cg_test_find (cg_window_get_page (f->window, CG_STAGE_REVIEW), CG_TYPE_CHART_WIDGET, NULL);
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

/* More of the view: what it shows on the Roles and Charter stages, that
 * private entry keeps answers off it, that zoom grows the charts, that the
 * real keys step it, and photographs of it at 1920x1080. */

/* Book the venue: Ana Accountable, Ben Responsible, Cy Informed, and every
 * partner names Ana: one lead, a doer, no flag ("Clear"); the charter names
 * Ana. Chase referrals: Ana and Ben both claim Accountable ("Overlap"): the
 * charter leaves its lead to agree. */
static void
add_roles (Fixture *f,
           guint    tasks[2])
{
  tasks[0] = cg_session_add_task (f->session, "Book the venue");
  tasks[1] = cg_session_add_task (f->session, "Chase referrals");
  cg_session_set_involvement (f->session, f->partners[0], tasks[0], CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (f->session, f->partners[1], tasks[0], CG_INVOLVEMENT_RESPONSIBLE);
  cg_session_set_involvement (f->session, f->partners[2], tasks[0], CG_INVOLVEMENT_INFORMED);
  for (guint i = 0; i < 3; i++)
    cg_session_set_believed_accountable (f->session, f->partners[i], tasks[0], f->partners[0]);
  cg_session_set_involvement (f->session, f->partners[0], tasks[1], CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (f->session, f->partners[1], tasks[1], CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (f->session, f->partners[2], tasks[1], CG_INVOLVEMENT_RESPONSIBLE);
}

static GtkWidget *
find_chart (CgPresentationWindow *p,
            CgChartKind           kind)
{
  GtkWidget *content = cg_presentation_window_get_content (p);

  for (GtkWidget *c = gtk_widget_get_first_child (content); c; c = gtk_widget_get_next_sibling (c))
    if (CG_IS_CHART_WIDGET (c) && cg_chart_widget_get_kind (CG_CHART_WIDGET (c)) == kind)
      return c;
  return NULL;
}

static GtkWidget *
any_chart (CgPresentationWindow *p)
{
  return cg_test_find (cg_presentation_window_get_content (p), CG_TYPE_CHART_WIDGET, NULL);
}

/* The body labels under the heading, in order, joined by "|". */
static char *
body_texts (CgPresentationWindow *p)
{
  GtkWidget *content = cg_presentation_window_get_content (p);
  GtkWidget *main = cg_presentation_window_get_main_label (p);
  GString *s = g_string_new (NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (content); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c) && c != main)
      g_string_append_printf (s, "%s%s", s->len > 0 ? "|" : "", gtk_label_get_text (GTK_LABEL (c)));
  return g_string_free (s, FALSE);
}

static void
set_item (CgPresentationWindow *p,
          guint                 item)
{
  cg_presentation_window_set_item (p, item);
  cg_test_iterate ();
}

static void
test_roles_content (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  GtkWidget *chart;
  const char *desc;
  guint tasks[2];

  add_roles (f, tasks);
  cg_window_set_stage (f->window, CG_STAGE_ROLES);
  p = open_presentation (f);
  assert_string_equal (main_text (p), "Who does what");
  chart = find_chart (p, CG_CHART_KIND_ROLES);
  assert_non_null (chart);
  desc = cg_chart_widget_get_description (CG_CHART_WIDGET (chart));
  assert_non_null (strstr (desc, "Role matrix of 2 tasks and 3 partners."));
  assert_non_null (strstr (desc, " Book the venue: Clear. Ana Lopez Accountable. "
                                 "Ben Okoro Responsible. Cy Wren Informed."));
  assert_non_null (strstr (desc, " Chase referrals: Overlap"));
  /* Claims of Accountable: Ana on both tasks, Ben on the referrals. */
  assert_non_null (strstr (desc, "Tasks led: Ana Lopez 2, Ben Okoro 1, Cy Wren 0."));

  /* Hidden roles: the matrix says so and names nobody's answer. */
  cg_session_set_answers_hidden (f->session, TRUE);
  cg_test_iterate ();
  chart = find_chart (p, CG_CHART_KIND_ROLES);
  desc = cg_chart_widget_get_description (CG_CHART_WIDGET (chart));
  assert_null (strstr (desc, "Accountable"));
  assert_null (strstr (desc, "Overlap"));
}

static void
test_charter_content (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  guint tasks[2];
  g_autofree char *purpose = NULL;
  g_autofree char *aims_none = NULL;
  g_autofree char *aims = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *roles_hidden = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *review = NULL;

  add_roles (f, tasks);
  cg_session_set_charter_field (f->session, CG_CHARTER_TITLE, "Riverside Charter");
  cg_session_set_charter_field (f->session, CG_CHARTER_PURPOSE, "One plan for every family");
  cg_session_set_charter_field (f->session, CG_CHARTER_GROUND_RULES, "Start on time");
  cg_session_set_charter_field (f->session, CG_CHARTER_LEARNING, "Meet each term");
  cg_session_set_charter_field (f->session, CG_CHARTER_REVIEW_DATE, "2026-11-22");
  cg_window_set_stage (f->window, CG_STAGE_CHARTER);
  p = open_presentation (f);

  assert_string_equal (main_text (p), "Riverside Charter");
  purpose = body_texts (p);
  assert_string_equal (purpose, "Purpose|One plan for every family");

  set_item (p, 1);
  assert_string_equal (main_text (p), "Agreed aims");
  aims_none = body_texts (p);
  assert_string_equal (aims_none, "No aims have been marked agreed yet.");
  cg_session_set_aim_agreed (f->session, f->aim, TRUE);
  cg_test_iterate ();
  aims = body_texts (p);
  assert_string_equal (aims, "•  One shared plan per family");

  set_item (p, 2);
  assert_string_equal (main_text (p), "Roles and responsibilities");
  roles = body_texts (p);
  assert_string_equal (roles, "•  Book the venue: Ana Lopez\n"
                              "•  Chase referrals: lead still to agree");
  cg_session_set_answers_hidden (f->session, TRUE);
  cg_test_iterate ();
  roles_hidden = body_texts (p);
  assert_string_equal (roles_hidden, "Shown once the role answers are revealed.");

  set_item (p, 3);
  assert_string_equal (main_text (p), "Ground rules");
  rules = body_texts (p);
  assert_string_equal (rules, "Start on time");

  set_item (p, 5);
  assert_string_equal (main_text (p), "Review and learning");
  review = body_texts (p);
  assert_string_equal (review, "Meet each term|Review date: 2026-11-22");
}

static GtkWidget *
capture_bar (Fixture *f,
             CgStage  stage)
{
  GtkWidget *bar = cg_test_find (cg_window_get_page (f->window, stage), CG_TYPE_CAPTURE_BAR, NULL);

  assert_non_null (bar);
  return bar;
}

static void
assert_private (CgPresentationWindow *p,
                const char           *heading)
{
  g_autofree char *text = shown_text (p);

  assert_string_equal (main_text (p), heading);
  if (any_chart (p) != NULL)
    g_printerr ("a chart is shown under \"%s\" during private entry\n", heading);
  assert_null (any_chart (p));
  assert_non_null (strstr (text, "Answers are being entered privately"));
  for (guint i = 0; i < G_N_ELEMENTS (statement_text); i++)
    if (!g_str_equal (heading, statement_text[i]))
      assert_null (strstr (text, statement_text[i]));
  assert_null (strstr (text, "Ana Lopez"));
  assert_null (strstr (text, "Divergent"));
  assert_null (strstr (text, "Accountable"));
}

/* The laptop is with Ben: the room sees the statement, no answer, until
 * the facilitator takes it back. The view was opened before the Roles page
 * was ever shown: its bar is watched all the same. */
static void
test_private_entry (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  guint tasks[2];
  g_autofree char *back = NULL;
  g_autofree char *roles_back = NULL;

  add_roles (f, tasks);
  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  assert_non_null (find_chart (p, CG_CHART_KIND_DOTS));

  cg_capture_bar_set_private_partner (CG_CAPTURE_BAR (capture_bar (f, CG_STAGE_LESSON_1)),
                                      f->partners[1]);
  assert_private (p, statement_text[0]);
  /* Stepping keeps it private. */
  gtk_widget_activate_action (GTK_WIDGET (p), "presentation.next", NULL);
  assert_private (p, statement_text[1]);
  gtk_widget_activate_action (GTK_WIDGET (p), "presentation.previous", NULL);

  cg_capture_bar_set_private_partner (CG_CAPTURE_BAR (capture_bar (f, CG_STAGE_LESSON_1)), 0);
  back = shown_text (p);
  assert_non_null (find_chart (p, CG_CHART_KIND_DOTS));
  assert_non_null (strstr (back, "Divergent"));

  cg_window_set_stage (f->window, CG_STAGE_ROLES);
  cg_test_iterate ();
  assert_non_null (find_chart (p, CG_CHART_KIND_ROLES));
  cg_capture_bar_set_private_partner (CG_CAPTURE_BAR (capture_bar (f, CG_STAGE_ROLES)),
                                      f->partners[2]);
  assert_private (p, "Who does what");
  cg_capture_bar_set_private_partner (CG_CAPTURE_BAR (capture_bar (f, CG_STAGE_ROLES)), 0);
  roles_back = shown_text (p);
  assert_non_null (find_chart (p, CG_CHART_KIND_ROLES));
  assert_non_null (strstr (roles_back, "Ana Lopez Accountable"));
}

/* Hidden answers and a partner's private entry together: coming back to
 * all partners still shows nothing until Reveal. */
static void
test_private_then_reveal (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  g_autofree char *back = NULL;
  g_autofree char *revealed = NULL;

  cg_session_set_answers_hidden (f->session, TRUE);
  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  cg_capture_bar_set_private_partner (CG_CAPTURE_BAR (capture_bar (f, CG_STAGE_LESSON_1)),
                                      f->partners[0]);
  cg_session_set_rating (f->session, f->partners[0], f->statements[1], CG_RATING_2);
  assert_private (p, statement_text[0]);
  cg_capture_bar_set_private_partner (CG_CAPTURE_BAR (capture_bar (f, CG_STAGE_LESSON_1)), 0);
  back = shown_text (p);
  assert_null (strstr (back, "Divergent"));
  assert_null (strstr (back, "Ana Lopez"));
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_1, TRUE);
  revealed = shown_text (p);
  assert_non_null (strstr (revealed, "Divergent"));
}

typedef struct
{
  GtkWidget *chart;
  double px;
} ChartWait;

static gboolean
chart_font_is (gpointer data)
{
  ChartWait *w = data;
  CgChartStyle style;

  cg_chart_widget_get_style (CG_CHART_WIDGET (w->chart), &style);
  return G_APPROX_VALUE (style.font_size, w->px, 0.01);
}

static GtkWidget *
find_chart_in (GtkWidget  *root,
               CgChartKind kind)
{
  if (CG_IS_CHART_WIDGET (root) && cg_chart_widget_get_kind (CG_CHART_WIDGET (root)) == kind)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_chart_in (c, kind);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
chart_height_for (GtkWidget *chart,
                  int        width)
{
  int min = 0, nat = 0;

  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

/* The Review page's radar in the main window draws its text at the
 * window's 16 px at 100 %; at 200 % at 32 px, and it asks for more height
 * for the same width (bigger words round the same chart). */
static void
test_zoom_scales_charts (void **state)
{
  Fixture *f = *state;
  CgAppearance *appearance = cg_appearance_get_default ();
  GtkWidget *chart = NULL;
  ChartWait w;
  int h100, h200;

  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  cg_test_iterate ();
  chart = find_chart_in (cg_window_get_page (f->window, CG_STAGE_REVIEW), CG_CHART_KIND_RADAR);
  assert_non_null (chart);

  cg_appearance_zoom_reset (appearance);
  w = (ChartWait){ chart, 16.0 };
  assert_true (cg_test_wait_for (chart_font_is, &w, 2000));
  h100 = chart_height_for (chart, 800);

  cg_appearance_set_zoom (appearance, 2.0);
  w.px = 32.0;
  assert_true (cg_test_wait_for (chart_font_is, &w, 2000));
  h200 = chart_height_for (chart, 800);
  assert_true (h200 > h100);

  cg_appearance_zoom_reset (appearance);
  w.px = 16.0;
  assert_true (cg_test_wait_for (chart_font_is, &w, 2000));
  assert_int_equal (chart_height_for (chart, 800), h100);
}

#ifdef GDK_WINDOWING_X11
/* Real key presses through the X server (XTest, by xdotool), so the
 * window's own bindings are what answers them. */
static gboolean
press_keys (GtkWindow  *window,
            const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *cmd = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;
  cmd = g_strdup_printf ("%s windowfocus --sync %lu key --clearmodifiers %s", xdotool,
                         (gulong) gdk_x11_surface_get_xid (surface), keys);
  assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  assert_int_equal (status, 0);
  return TRUE;
}
#else
static gboolean
press_keys (GtkWindow  *window,
            const char *keys)
{
  return FALSE;
}
#endif

typedef struct
{
  CgPresentationWindow *p;
  const char *text;
} TextWait;

static gboolean
main_text_is (gpointer data)
{
  TextWait *w = data;
  GtkWidget *label = cg_presentation_window_get_main_label (w->p);

  return label != NULL && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), w->text);
}

static void
press_and_expect (CgPresentationWindow *p,
                  const char           *key,
                  guint                 item,
                  const char           *text)
{
  TextWait w = { p, text };

  if (!press_keys (GTK_WINDOW (p), key))
    skip ();
  if (!cg_test_wait_for (main_text_is, &w, 3000))
    g_printerr ("after %s the view shows \"%s\"\n", key, main_text (p));
  assert_string_equal (main_text (p), text);
  assert_int_equal (cg_presentation_window_get_item (p), item);
}

/* Right and Page Down step on, Left and Page Up back, pressed as keys. */
static void
test_keys_step_items (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  assert_true (cg_test_wait_for (base_is_30, p, 3000));
  assert_int_equal (cg_presentation_window_get_item (p), 0);
  press_and_expect (p, "Right", 1, statement_text[1]);
  press_and_expect (p, "Left", 0, statement_text[0]);
  press_and_expect (p, "Next", 1, statement_text[1]);
  press_and_expect (p, "Prior", 0, statement_text[0]);
}

/* Screenshots ------------------------------------------------------------ */

static GdkTexture *
render_window (GtkWindow *window)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (GTK_WIDGET (window));
  int h = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  assert_non_null (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, w, h));
}

/* Pixels inside @widget's box that are not its background (the colour
 * of its top-left corner): what the chart drew. */
static guint
drawn_pixels (GdkTexture *texture,
              GtkWidget  *window,
              GtkWidget  *widget)
{
  int tw = gdk_texture_get_width (texture), th = gdk_texture_get_height (texture);
  gsize stride = (gsize) tw * 4;
  g_autofree guchar *data = g_malloc (stride * th);
  graphene_rect_t box;
  guint32 bg;
  guint n = 0;
  int x0, y0, x1, y1;

  assert_true (gtk_widget_compute_bounds (widget, window, &box));
  x0 = CLAMP ((int) box.origin.x, 0, tw - 1);
  y0 = CLAMP ((int) box.origin.y, 0, th - 1);
  x1 = CLAMP ((int) (box.origin.x + box.size.width), 0, tw);
  y1 = CLAMP ((int) (box.origin.y + box.size.height), 0, th);
  gdk_texture_download (texture, data, stride);
  bg = *(guint32 *) (data + y0 * stride + x0 * 4);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (*(guint32 *) (data + y * stride + x * 4) != bg)
        n++;
  return n;
}

static void
save_view (CgPresentationWindow *p,
           const char           *name,
           GtkWidget            *chart)
{
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  double area;
  guint drawn;

  for (int i = 0; i < 10; i++)
    cg_test_iterate ();
  /* The surface fills the 1920x1080 screen; without a compositor (Xvfb)
   * GTK keeps a 5 px frame inside it, left out of the picture. */
  assert_int_equal (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (p))), 1920);
  assert_int_equal (gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (p))), 1080);
  assert_true (gtk_widget_get_width (GTK_WIDGET (p)) >= 1900);
  texture = render_window (GTK_WINDOW (p));
  assert_true (gdk_texture_save_to_png (texture, path));
  g_printerr ("screenshot: %s\n", path);
  /* The chart is on screen, big, and drew on at least 1 % of its box. */
  assert_true (gtk_widget_get_mapped (chart));
  assert_true (gtk_widget_get_width (chart) >= 1000);
  assert_true (gtk_widget_get_height (chart) >= 200);
  area = (double) gtk_widget_get_width (chart) * gtk_widget_get_height (chart);
  drawn = drawn_pixels (texture, GTK_WIDGET (p), chart);
  g_printerr ("%s: %u of %.0f chart pixels drawn\n", name, drawn, area);
  assert_true (drawn >= area * 0.01);
}

static void
assert_chart_text (GtkWidget *chart,
                   double     min_px)
{
  CgChartStyle style;

  cg_chart_widget_get_style (CG_CHART_WIDGET (chart), &style);
  assert_true (style.min_font_size >= 24.0);
  assert_true (style.font_size >= min_px);
}

/* The presentation view at projector size on a lesson statement, the
 * lessons radar (Review) and the role matrix (Roles). */
static void
test_screenshots (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  GtkWidget *chart;
  guint tasks[2];

  add_roles (f, tasks);
  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  p = open_presentation (f);
  assert_true (cg_test_wait_for (base_is_30, p, 3000));
  cg_test_iterate ();
  assert_string_equal (main_text (p), statement_text[0]);
  assert_true (font_px (cg_presentation_window_get_main_label (p)) >= 40.0);
  chart = find_chart (p, CG_CHART_KIND_DOTS);
  assert_non_null (chart);
  /* Dots are 1.4 em of the 30 px base: 42 px. */
  assert_chart_text (chart, 42.0);
  save_view (p, "presentation-lesson-1920.png", chart);

  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  set_item (p, 1);
  assert_string_equal (main_text (p), "The five lessons");
  assert_true (font_px (cg_presentation_window_get_main_label (p)) >= 40.0);
  chart = find_chart (p, CG_CHART_KIND_RADAR);
  assert_non_null (chart);
  assert_chart_text (chart, 30.0);
  save_view (p, "presentation-radar-1920.png", chart);
  /* The radar fits the screen: its whole box is inside the window. */
  {
    graphene_rect_t box;

    assert_true (gtk_widget_compute_bounds (chart, GTK_WIDGET (p), &box));
    assert_true (box.origin.y + box.size.height <= gtk_widget_get_height (GTK_WIDGET (p)));
  }

  cg_window_set_stage (f->window, CG_STAGE_ROLES);
  cg_test_iterate ();
  assert_string_equal (main_text (p), "Who does what");
  chart = find_chart (p, CG_CHART_KIND_ROLES);
  assert_non_null (chart);
  assert_chart_text (chart, 30.0);
  save_view (p, "presentation-roles-1920.png", chart);
}

/* The room agrees statement 2 is not true: Ana 2, Ben 2, Cy 1 (median 2,
 * consensus 1 + (2 log2 (1 - 1/3 / 4) + log2 (1 - 2/3 / 4)) / 3 = 0.83,
 * nobody at 4-5). The projector says "Agreed: not yet" on its strip and
 * lists it after the divergent statement under "Talk about these first". */
static void
test_agreed_not_yet (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  static const CgRating second[] = { CG_RATING_2, CG_RATING_2, CG_RATING_1 };
  g_autofree char *review = NULL;
  g_autofree char *strip = NULL;
  const char *divergent, *missing;

  for (guint i = 0; i < 3; i++)
    cg_session_set_rating (f->session, f->partners[i], f->statements[1], second[i]);
  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  p = open_presentation (f);
  review = shown_text (p);
  divergent = strstr (review, "1.1  We share one clear purpose");
  missing = strstr (review, "1.2  Leadership is accepted by every partner — Agreed: not yet");
  assert_non_null (divergent);
  assert_non_null (missing);
  assert_true (divergent < missing);

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  gtk_widget_activate_action (GTK_WIDGET (p), "presentation.next", NULL);
  assert_string_equal (main_text (p), statement_text[1]);
  strip = shown_text (p);
  assert_non_null (strstr (strip, "Agreed: not yet."));
}

/* Six places on the projector: with five divergent statements (1.1 and
 * four more), four findings the room agrees are missing and two unclear
 * tasks, each kind keeps two places; nothing of one kind pushes the
 * others off. Divergent: Ana 1, Ben 5, Cy 4. Missing:
 * 2, 2, 1 (agreed, median 2). Two tasks nobody answered ("No answers"). */
static void
test_talk_shares_the_screen (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;
  static const CgRating split[] = { CG_RATING_1, CG_RATING_5, CG_RATING_4 };
  static const CgRating low[] = { CG_RATING_2, CG_RATING_2, CG_RATING_1 };
  g_autofree char *review = NULL;
  guint divergent = 0, missing = 0, roles = 0;

  for (guint k = 0; k < 4; k++)
    {
      g_autofree char *d = g_strdup_printf ("Split statement %u", k);
      g_autofree char *m = g_strdup_printf ("Missing statement %u", k);
      guint sd = cg_session_add_statement (f->session, 1, d);
      guint sm = cg_session_add_statement (f->session, 2, m);

      for (guint i = 0; i < 3; i++)
        {
          cg_session_set_rating (f->session, f->partners[i], sd, split[i]);
          cg_session_set_rating (f->session, f->partners[i], sm, low[i]);
        }
    }
  cg_session_add_task (f->session, "Chair the meeting");
  cg_session_add_task (f->session, "Book the room");
  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  p = open_presentation (f);
  review = shown_text (p);
  for (const char *c = review; (c = strstr (c, "Divergent")) != NULL; c++)
    divergent++;
  for (const char *c = review; (c = strstr (c, "Agreed: not yet")) != NULL; c++)
    missing++;
  for (const char *c = review; (c = strstr (c, " — No answers")) != NULL; c++)
    roles++;
  assert_int_equal (divergent, 2);
  assert_int_equal (missing, 2);
  assert_int_equal (roles, 2);
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_opens_on_current_item_and_follows, setup, teardown),
    cmocka_unit_test_setup_teardown (test_follows_edits, setup, teardown),
    cmocka_unit_test_setup_teardown (test_agreed_not_yet, setup, teardown),
    cmocka_unit_test_setup_teardown (test_talk_shares_the_screen, setup, teardown),
    cmocka_unit_test_setup_teardown (test_follows_the_grid_row, setup, teardown),
    cmocka_unit_test_setup_teardown (test_hidden_until_reveal, setup, teardown),
    cmocka_unit_test_setup_teardown (test_projector_sizes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_timer_counts_down, setup, teardown),
    cmocka_unit_test_setup_teardown (test_zoom, setup, teardown),
    cmocka_unit_test_setup_teardown (test_high_contrast_switch, setup, teardown),
    cmocka_unit_test_setup_teardown (test_high_contrast_partner_colours, setup, teardown),
    cmocka_unit_test_setup_teardown (test_roles_content, setup, teardown),
    cmocka_unit_test_setup_teardown (test_charter_content, setup, teardown),
    cmocka_unit_test_setup_teardown (test_private_entry, setup, teardown),
    cmocka_unit_test_setup_teardown (test_private_then_reveal, setup, teardown),
    cmocka_unit_test_setup_teardown (test_zoom_scales_charts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_keys_step_items, setup, teardown),
    cmocka_unit_test_setup_teardown (test_screenshots, setup, teardown),
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

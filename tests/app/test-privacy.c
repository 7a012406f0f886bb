/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Privacy in the room: private entry ("Pass the laptop to") keeps the
 * window on its stage by every route until the facilitator confirms the
 * way back, the presentation view shows no answers meanwhile and Undo
 * reaches only that partner's own answers; the Session page's "Hide answers until revealed" switch is the session's
 * own undoable option; the Preferences default reaches new sessions. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-application.h"
#include "cg-appearance.h"
#include "cg-capture-bar.h"
#include "cg-chart-widget.h"
#include "cg-lesson-page.h"
#include "cg-preferences-window.h"
#include "cg-presentation-window.h"
#include "cg-rating-grid.h"
#include "cg-grid-cell.h"
#include "cg-window.h"

#define BANNER                                                                                     \
  "Private entry for Sam Jones: other stages are locked until the facilitator "                    \
  "returns to all partners"
#define PRIVATE_NOTICE                                                                             \
  "Answers are being entered privately. They appear here when everyone is back."

typedef struct
{
  CgSession *session;
  CgWindow *window;
  guint partners[3];
  guint items[2];
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->session =
    cg_test_session_new (cg_test_partners, f->partners, cg_test_statements, f->items, NULL, NULL);
  cg_session_set_rating (f->session, f->partners[0], f->items[0], CG_RATING_4);
  cg_session_set_rating (f->session, f->partners[1], f->items[0], CG_RATING_2);
  cg_session_clear_history (f->session);
  cg_test_show_window (f->session, &f->window);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  if (f->window != NULL)
    {
      if (cg_window_get_presentation (f->window) != NULL)
        gtk_window_destroy (cg_window_get_presentation (f->window));
      gtk_window_destroy (GTK_WINDOW (f->window));
    }
  cg_test_iterate ();
  g_object_unref (f->session);
  g_free (f);
  return 0;
}

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *text)
{
  return cg_test_find (root, type, text);
}

/* The question on top of every other window, or NULL. */
static AdwMessageDialog *
open_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Clicks the button labelled @label in the open question. */
static void
answer (const char *label)
{
  GtkWidget *button;

  assert_non_null (open_message_dialog ());
  button = find (GTK_WIDGET (open_message_dialog ()), GTK_TYPE_BUTTON, label);
  assert_non_null (button);
  g_signal_emit_by_name (button, "clicked");
  cg_test_iterate ();
}

static CgCaptureBar *
lesson_bar (Fixture *f)
{
  return CG_CAPTURE_BAR (
    find (cg_window_get_page (f->window, CG_STAGE_LESSON_1), CG_TYPE_CAPTURE_BAR, NULL));
}

static void
pass_laptop (Fixture *f,
             guint    partner)
{
  gtk_widget_activate_action (GTK_WIDGET (lesson_bar (f)), "capture.pass-to", "u", partner);
  cg_test_iterate ();
}

static GtkWidget *
stage_row (Fixture *f,
           CgStage  stage)
{
  GtkListBox *list = cg_test_find_stage_list (GTK_WIDGET (f->window));

  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, stage));
}

/* The Main menu's item for @label, its menu shown. */
static GtkWidget *
menu_item (Fixture    *f,
           const char *label)
{
  GtkWidget *button = find (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, "Main Menu (F10)");

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  cg_test_iterate ();
  return find (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), GTK_TYPE_LABEL,
               label);
}

static void
close_menu (Fixture *f)
{
  gtk_menu_button_popdown (
    GTK_MENU_BUTTON (find (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, "Main Menu (F10)")));
  cg_test_iterate ();
}

/* Every route to another stage a person has: none moves the window. */
static void
try_every_route (Fixture   *f,
                 GtkWidget *next,
                 GtkWidget *back)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-stage", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-stage", NULL);
  g_signal_emit_by_name (next, "clicked");
  g_signal_emit_by_name (back, "clicked");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.goto-stage", "s", "review");
  g_signal_emit_by_name (stage_row (f, CG_STAGE_REVIEW), "activate");
  g_signal_emit_by_name (stage_row (f, CG_STAGE_LESSON_2), "activate");
  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_LESSON_1);
  assert_int_equal (cg_session_get_current_stage (f->session), CG_STAGE_LESSON_1);
}

static void
test_private_entry_locks_the_stages (void **state)
{
  Fixture *f = *state;
  GtkWidget *next = find (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "Next stage (Alt+Right)");
  GtkWidget *back = find (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "Previous stage (Alt+Left)");
  GtkWidget *banner;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  assert_true (gtk_widget_is_sensitive (next));
  assert_true (gtk_widget_is_sensitive (stage_row (f, CG_STAGE_REVIEW)));
  assert_null (find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, BANNER));
  pass_laptop (f, f->partners[1]);
  assert_int_equal (cg_window_get_private_partner (f->window), f->partners[1]);

  /* Locked, and it says so. */
  banner = find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, BANNER);
  assert_non_null (banner);
  assert_true (gtk_widget_is_visible (banner));
  assert_false (gtk_widget_is_sensitive (next));
  assert_false (gtk_widget_is_sensitive (back));
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    assert_int_equal (gtk_widget_is_sensitive (stage_row (f, stage)), stage == CG_STAGE_LESSON_1);
  try_every_route (f, next, back);
  assert_false (gtk_widget_is_sensitive (menu_item (f, "Export Results Report as PDF…")));
  assert_false (gtk_widget_is_sensitive (menu_item (f, "Print Charter…")));
  close_menu (f);
  /* The partner can press the way back, but it asks, and Enter or Escape
   * keep the entry private. */
  gtk_widget_activate_action (GTK_WIDGET (lesson_bar (f)), "capture.all-partners", NULL);
  assert_non_null (open_message_dialog ());
  assert_string_equal (adw_message_dialog_get_default_response (open_message_dialog ()), "keep");
  assert_string_equal (adw_message_dialog_get_close_response (open_message_dialog ()), "keep");
  answer ("Keep Private");
  assert_null (open_message_dialog ());
  assert_int_equal (cg_window_get_private_partner (f->window), f->partners[1]);
  try_every_route (f, next, back);

  /* The facilitator confirms: every route works again. */
  gtk_widget_activate_action (GTK_WIDGET (lesson_bar (f)), "capture.all-partners", NULL);
  answer ("Show All Partners");
  assert_null (open_message_dialog ());
  assert_int_equal (cg_window_get_private_partner (f->window), 0);
  assert_false (gtk_widget_is_visible (banner));
  assert_true (gtk_widget_is_sensitive (next));
  assert_true (gtk_widget_is_sensitive (stage_row (f, CG_STAGE_REVIEW)));
  assert_true (gtk_widget_is_sensitive (menu_item (f, "Export Results Report as PDF…")));
  close_menu (f);
  g_signal_emit_by_name (next, "clicked");
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_LESSON_2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-stage", NULL);
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_LESSON_1);
  g_signal_emit_by_name (stage_row (f, CG_STAGE_REVIEW), "activate");
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_REVIEW);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.goto-stage", "s", "aims");
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_AIMS);
}

/* While one partner holds the laptop, Undo takes back only their own
 * answers: the room's earlier answers are out of its reach until the
 * facilitator is back. */
static void
test_private_entry_undo (void **state)
{
  Fixture *f = *state;
  GtkWidget *undo = find (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "Undo (Ctrl+Z)");

  assert_non_null (undo);
  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  cg_session_set_rating (f->session, f->partners[0], f->items[1], CG_RATING_5);
  cg_test_iterate ();
  assert_true (gtk_widget_is_sensitive (undo));

  pass_laptop (f, f->partners[1]);
  assert_false (gtk_widget_is_sensitive (undo));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[1]), CG_RATING_5);

  /* Sam's own answer can be taken back, and then nothing more. */
  cg_session_set_rating (f->session, f->partners[1], f->items[1], CG_RATING_3);
  cg_test_iterate ();
  assert_true (gtk_widget_is_sensitive (undo));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_session_get_rating (f->session, f->partners[1], f->items[1]),
                    CG_RATING_NONE);
  assert_false (gtk_widget_is_sensitive (undo));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[1]), CG_RATING_5);

  /* Back to all partners: the whole history again. */
  gtk_widget_activate_action (GTK_WIDGET (lesson_bar (f)), "capture.all-partners", NULL);
  answer ("Show All Partners");
  assert_int_equal (cg_window_get_private_partner (f->window), 0);
  assert_true (gtk_widget_is_sensitive (undo));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[1]),
                    CG_RATING_NONE);
}

static gboolean
shows_private_notice (CgPresentationWindow *p)
{
  GtkWidget *content = cg_presentation_window_get_content (p);

  return find (content, GTK_TYPE_LABEL, PRIVATE_NOTICE) != NULL &&
         find (content, CG_TYPE_CHART_WIDGET, NULL) == NULL;
}

/* The view opens on the Session stage, before the lesson's page exists:
 * it still learns of the private entry made there later. */
static void
test_presentation_during_private_entry (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *p;

  cg_window_set_stage (f->window, CG_STAGE_SESSION);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  p = CG_PRESENTATION_WINDOW (cg_window_get_presentation (f->window));
  assert_non_null (p);
  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  cg_presentation_window_set_item (p, 1);
  cg_test_iterate ();
  assert_false (shows_private_notice (p));
  assert_non_null (find (cg_presentation_window_get_content (p), CG_TYPE_CHART_WIDGET, NULL));

  pass_laptop (f, f->partners[1]);
  assert_true (shows_private_notice (p));
  /* Its keys step through the stage's items but never out of it. */
  for (int i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (p), "presentation.next", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_LESSON_1);
  assert_int_equal (cg_presentation_window_get_stage (p), CG_STAGE_LESSON_1);
  assert_true (shows_private_notice (p));
  for (int i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (p), "presentation.previous", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_LESSON_1);
  assert_int_equal (cg_presentation_window_get_item (p), 0);

  gtk_widget_activate_action (GTK_WIDGET (lesson_bar (f)), "capture.all-partners", NULL);
  answer ("Show All Partners");
  cg_presentation_window_set_item (p, 1);
  cg_test_iterate ();
  assert_false (shows_private_notice (p));
}

static GtkWidget *
lesson_cell (Fixture *f,
             guint    row,
             guint    column)
{
  GtkWidget *page = cg_window_get_page (f->window, CG_STAGE_LESSON_1);

  return cg_rating_grid_get_cell (CG_RATING_GRID (cg_lesson_page_get_grid (CG_LESSON_PAGE (page))),
                                  row, column);
}

static const char *
cell_text (GtkWidget *cell)
{
  return cg_grid_cell_get_text (CG_GRID_CELL (cell));
}

static void
test_session_hide_switch (void **state)
{
  Fixture *f = *state;
  GtkWidget *page = cg_window_get_page (f->window, CG_STAGE_SESSION);
  GtkWidget *row = find (page, ADW_TYPE_ACTION_ROW, "Hide answers until revealed");
  GtkWidget *sw = find (row, GTK_TYPE_SWITCH, NULL);
  g_autoptr (CgSession) hidden_session = cg_session_new ();

  assert_non_null (sw);
  /* Activating the row (Enter or Space on it) flips the switch. */
  assert_ptr_equal (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)), sw);
  assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  assert_string_equal (cell_text (lesson_cell (f, 0, 0)), "4");
  assert_string_equal (cell_text (lesson_cell (f, 0, 1)), "2");

  /* The switch turns the session's option on: the grid shows marks only. */
  gtk_widget_activate (sw);
  cg_test_iterate ();
  assert_true (cg_session_get_answers_hidden (f->session));
  assert_true (cg_session_get_modified (f->session));
  assert_string_equal (cell_text (lesson_cell (f, 0, 0)), "●");
  assert_string_equal (cell_text (lesson_cell (f, 0, 1)), "●");
  assert_string_equal (cell_text (lesson_cell (f, 1, 0)), "");

  /* One undo step, and the switch follows it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_false (cg_session_get_answers_hidden (f->session));
  assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  assert_string_equal (cell_text (lesson_cell (f, 0, 0)), "4");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  assert_string_equal (cell_text (lesson_cell (f, 0, 0)), "●");

  /* Off again from the switch shows the answers. */
  gtk_widget_activate (sw);
  assert_false (cg_session_get_answers_hidden (f->session));
  assert_string_equal (cell_text (lesson_cell (f, 0, 1)), "2");

  /* Another session's option shows when that session is opened. */
  cg_session_set_answers_hidden (hidden_session, TRUE);
  cg_window_set_session (f->window, hidden_session);
  assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
}

/* Preferences' "Hide answers until revealed" (New Sessions) reaches the
 * next new session, as its starting state rather than an undo step. */
static void
test_preferences_default (void **state)
{
  Fixture *f = *state;
  GtkWindow *prefs = cg_preferences_window_new (GTK_WINDOW (f->window));
  GtkWidget *row, *sw;
  g_autoptr (CgSession) hidden = NULL;
  g_autoptr (CgSession) shown = NULL;
  g_autoptr (GError) error = NULL;

  assert_non_null (cg_settings_get ());
  gtk_window_present (prefs);
  cg_test_iterate ();
  row = find (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Hide answers until revealed");
  sw = find (row, GTK_TYPE_SWITCH, NULL);
  assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_widget_activate (sw);
  assert_true (cg_preferences_get_answers_hidden_default ());

  hidden = cg_application_create_session (NULL, &error);
  assert_non_null (hidden);
  assert_true (cg_session_get_answers_hidden (hidden));
  assert_false (cg_session_can_undo (hidden));
  assert_false (cg_session_get_modified (hidden));
  /* ...and the Session page's switch shows it. */
  cg_window_set_session (f->window, hidden);
  assert_true (gtk_switch_get_active (
    GTK_SWITCH (find (cg_window_get_page (f->window, CG_STAGE_SESSION), GTK_TYPE_SWITCH, NULL))));

  gtk_widget_activate (sw);
  assert_false (cg_preferences_get_answers_hidden_default ());
  shown = cg_application_create_session (NULL, &error);
  assert_false (cg_session_get_answers_hidden (shown));
  gtk_window_destroy (prefs);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_private_entry_locks_the_stages, setup, teardown),
    cmocka_unit_test_setup_teardown (test_private_entry_undo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_presentation_during_private_entry, setup, teardown),
    cmocka_unit_test_setup_teardown (test_session_hide_switch, setup, teardown),
    cmocka_unit_test_setup_teardown (test_preferences_default, setup, teardown),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  /* A switch flips at once, not at the end of its animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return cmocka_run_group_tests (tests, NULL, NULL);
}

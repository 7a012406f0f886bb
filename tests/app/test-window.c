/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window: stages and their navigation, completion marks, the title
 * with its unsaved mark, undo, and closing with unsaved changes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-window.h"

typedef struct
{
  CgSession *session;
  CgWindow *window;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->session = cg_session_new ();
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

static GtkWidget *
find (Fixture    *f,
      GType       type,
      const char *text)
{
  return cg_test_find (GTK_WIDGET (f->window), type, text);
}

static int
font_size (GtkWidget *widget)
{
  return pango_font_description_get_size (
    pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
}

/* A session saved at Review opens there with the stage page's own type
 * (title 2em, introduction 1.2em): the style sheet that sets it came with
 * the first grid, and pages are built lazily, so a window opened on
 * Review had plain-sized titles. First in this file: once any grid page
 * exists the sheet stays loaded for the process. */
static void
test_opens_on_review_styled (void **state)
{
  Fixture *f = *state;
  g_autoptr (CgSession) other = cg_session_new ();
  GtkWidget *page, *title, *intro;
  int body;

  cg_session_set_current_stage (other, CG_STAGE_REVIEW);
  cg_window_set_session (f->window, other);
  cg_test_iterate ();
  page = cg_window_get_page (f->window, CG_STAGE_REVIEW);
  title = cg_test_find (page, GTK_TYPE_LABEL, "Review");
  intro = gtk_widget_get_next_sibling (title);
  assert_non_null (title);
  assert_true (GTK_IS_LABEL (intro));
  body = font_size (GTK_WIDGET (f->window));
  assert_true (body > 0);
  assert_true (font_size (title) >= body * 19 / 10);
  assert_true (font_size (intro) >= body * 11 / 10);
}

static void
test_pages_get_the_session (void **state)
{
  Fixture *f = *state;
  g_autoptr (CgSession) other = cg_session_new ();

  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    {
      g_autoptr (CgSession) held = NULL;

      g_object_get (cg_window_get_page (f->window, stage), "session", &held, NULL);
      assert_ptr_equal (held, f->session);
    }
  cg_window_set_session (f->window, other);
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    {
      g_autoptr (CgSession) held = NULL;

      g_object_get (cg_window_get_page (f->window, stage), "session", &held, NULL);
      assert_ptr_equal (held, other);
    }
}

static void
test_navigation (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = GTK_WIDGET (f->window);
  g_autoptr (CgSession) other = cg_session_new ();

  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_SESSION);
  assert_non_null (find (f, GTK_TYPE_LABEL, "Next: Partners"));

  gtk_widget_activate_action (widget, "win.next-stage", NULL);
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_PARTNERS);
  assert_int_equal (cg_session_get_current_stage (f->session), CG_STAGE_PARTNERS);
  assert_non_null (find (f, GTK_TYPE_LABEL, "Next: Purpose and Leadership"));

  gtk_widget_activate_action (widget, "win.goto-stage", "s", "review");
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_REVIEW);
  gtk_widget_activate_action (widget, "win.previous-stage", NULL);
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_ROLES);
  assert_int_equal (cg_session_get_current_stage (f->session), CG_STAGE_ROLES);

  /* An unknown stage name goes nowhere. */
  gtk_widget_activate_action (widget, "win.goto-stage", "s", "lesson-9");
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_ROLES);

  /* At the ends, the way on is closed. */
  gtk_widget_activate_action (widget, "win.goto-stage", "s", "charter");
  gtk_widget_activate_action (widget, "win.next-stage", NULL);
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_CHARTER);
  assert_false (gtk_widget_get_sensitive (find (f, GTK_TYPE_BUTTON, "Next stage (Alt+Right)")));

  /* A session opens at the stage it was saved at. */
  cg_session_set_current_stage (other, CG_STAGE_AIMS);
  cg_window_set_session (f->window, other);
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_AIMS);
  assert_true (gtk_widget_get_sensitive (find (f, GTK_TYPE_BUTTON, "Next stage (Alt+Right)")));
}

/* Keyboard focus in the sidebar follows the stage the window moves to
 * (the ring never marks a stage left behind); focus elsewhere stays put. */
static void
test_sidebar_focus_follows_stage (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = GTK_WIDGET (f->window);
  GtkListBox *list = cg_test_find_stage_list (widget);
  GtkWidget *next = find (f, GTK_TYPE_BUTTON, "Next stage (Alt+Right)");
  GtkWidget *back = find (f, GTK_TYPE_BUTTON, "Previous stage (Alt+Left)");

  assert_non_null (list);
  assert_true (
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, CG_STAGE_SESSION))));
  gtk_widget_activate_action (widget, "win.next-stage", NULL);
  cg_test_iterate ();
  assert_ptr_equal (gtk_root_get_focus (GTK_ROOT (widget)),
                    gtk_list_box_get_row_at_index (list, CG_STAGE_PARTNERS));
  gtk_widget_activate_action (widget, "win.goto-stage", "s", "review");
  cg_test_iterate ();
  assert_ptr_equal (gtk_root_get_focus (GTK_ROOT (widget)),
                    gtk_list_box_get_row_at_index (list, CG_STAGE_REVIEW));

  /* Next onto the last stage greys Next out: focus moves to Back, not
   * to nowhere, and Back onto the first stage hands it to Next. */
  assert_true (gtk_widget_grab_focus (next));
  gtk_widget_activate_action (widget, "win.next-stage", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_CHARTER);
  assert_ptr_equal (gtk_root_get_focus (GTK_ROOT (widget)), back);
  gtk_widget_activate_action (widget, "win.goto-stage", "s", "partners");
  cg_test_iterate ();
  assert_ptr_equal (gtk_root_get_focus (GTK_ROOT (widget)), back);
  gtk_widget_activate_action (widget, "win.previous-stage", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_stage (f->window), CG_STAGE_SESSION);
  assert_ptr_equal (gtk_root_get_focus (GTK_ROOT (widget)), next);
}

/* Charter and Review do no work while another stage is shown (a key in
 * the grids must not pay for them) and are current again the moment they
 * are shown. */
static void
test_hidden_pages_catch_up (void **state)
{
  Fixture *f = *state;
  guint ann = cg_session_add_partner (f->session, "Ann Lee", "Org", "");
  guint ben = cg_session_add_partner (f->session, "Ben Ray", "Org", "");
  guint item = cg_session_add_statement (f->session, 0, "We share the budget openly");
  GtkWidget *charter, *review, *title;

  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "Old title");
  cg_window_set_stage (f->window, CG_STAGE_CHARTER);
  cg_test_iterate ();
  charter = cg_window_get_page (f->window, CG_STAGE_CHARTER);
  title = cg_test_find (charter, ADW_TYPE_ENTRY_ROW, "Title");
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (title)), "Old title");
  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  cg_test_iterate ();
  review = cg_window_get_page (f->window, CG_STAGE_REVIEW);
  assert_null (cg_test_find (review, GTK_TYPE_LABEL, "1.1  We share the budget openly"));

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  cg_test_iterate ();
  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "New title");
  /* 1 beside 5: divergent, so Review lists it first. */
  cg_session_set_rating (f->session, ann, item, CG_RATING_1);
  cg_session_set_rating (f->session, ben, item, CG_RATING_5);
  cg_test_iterate ();
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (title)), "Old title");

  cg_window_set_stage (f->window, CG_STAGE_CHARTER);
  cg_test_iterate ();
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (title)), "New title");
  cg_window_set_stage (f->window, CG_STAGE_REVIEW);
  cg_test_iterate ();
  assert_non_null (cg_test_find (review, GTK_TYPE_LABEL, "1.1  We share the budget openly"));
}

static void
test_title_and_undo (void **state)
{
  Fixture *f = *state;
  GtkWidget *undo = find (f, GTK_TYPE_BUTTON, "Undo (Ctrl+Z)");
  GtkWidget *redo = find (f, GTK_TYPE_BUTTON, "Redo (Ctrl+Shift+Z)");

  assert_non_null (undo);
  assert_string_equal (gtk_window_get_title (GTK_WINDOW (f->window)),
                       "Untitled session – Common Ground");
  assert_false (gtk_widget_get_sensitive (undo));
  assert_true (cg_window_is_reusable (f->window));

  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "Riverside");
  assert_string_equal (gtk_window_get_title (GTK_WINDOW (f->window)),
                       "• Riverside – Common Ground");
  assert_true (gtk_widget_get_sensitive (undo));
  assert_false (gtk_widget_get_sensitive (redo));
  assert_false (cg_window_is_reusable (f->window));

  /* Saved: the mark goes. */
  cg_session_set_unmodified (f->session);
  assert_string_equal (gtk_window_get_title (GTK_WINDOW (f->window)), "Riverside – Common Ground");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_TITLE), "");
  assert_string_equal (gtk_window_get_title (GTK_WINDOW (f->window)),
                       "• Untitled session – Common Ground");
  assert_false (gtk_widget_get_sensitive (undo));
  assert_true (gtk_widget_get_sensitive (redo));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_TITLE), "Riverside");
}

static void
test_completion_marks (void **state)
{
  Fixture *f = *state;
  GtkWidget *label;

  cg_test_iterate ();
  assert_non_null (find (f, GTK_TYPE_LABEL, "0 of 3 details"));
  assert_non_null (find (f, GTK_TYPE_LABEL, "0 of at least 2 partners"));

  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "Riverside");
  cg_session_set_detail (f->session, CG_DETAIL_DATE, "2026-11-22");
  cg_session_add_partner (f->session, "Alex", "", "");
  cg_test_iterate ();
  assert_non_null (find (f, GTK_TYPE_LABEL, "2 of 3 details"));
  assert_non_null (find (f, GTK_TYPE_LABEL, "1 of at least 2 partners"));

  /* Complete: words and a check icon beside them. */
  cg_session_set_detail (f->session, CG_DETAIL_FACILITATOR, "Sam");
  cg_session_add_partner (f->session, "Priya", "", "");
  cg_session_add_partner (f->session, "Jo", "", "");
  cg_test_iterate ();
  label = find (f, GTK_TYPE_LABEL, "Complete: title, date and facilitator");
  assert_non_null (label);
  assert_true (gtk_widget_get_visible (gtk_widget_get_prev_sibling (label)));
  assert_true (GTK_IS_IMAGE (gtk_widget_get_prev_sibling (label)));
  label = find (f, GTK_TYPE_LABEL, "Complete: 3 partners");
  assert_non_null (label);
  assert_true (gtk_widget_get_visible (gtk_widget_get_prev_sibling (label)));

  /* A statement and three partners: three answers wanted. */
  cg_session_add_statement (f->session, 0, "We share a clear purpose.");
  cg_session_set_rating (f->session, cg_session_get_partner (f->session, 0)->id,
                         cg_session_get_statement (f->session, 0, 0)->id, CG_RATING_4);
  cg_test_iterate ();
  label = find (f, GTK_TYPE_LABEL, "1 of 3 answers");
  assert_non_null (label);
  assert_false (gtk_widget_get_visible (gtk_widget_get_prev_sibling (label)));
}

static gboolean
window_gone (gpointer data)
{
  return ((Fixture *) data)->window == NULL;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* As a click on the dialog's button does it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = cg_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  assert_non_null (button);
  g_signal_emit_by_name (button, "clicked");
  cg_test_iterate ();
}

static void
test_close_asks_about_changes (void **state)
{
  Fixture *f = *state;
  AdwMessageDialog *dialog;

  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "Riverside");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close", NULL);
  cg_test_iterate ();
  assert_non_null (f->window);
  dialog = find_dialog ("Save changes to “Riverside” before closing?");
  assert_non_null (dialog);

  /* Cancel keeps the window and its changes. */
  respond (dialog, "Cancel");
  assert_non_null (f->window);
  assert_null (find_dialog ("Save changes to “Riverside” before closing?"));
  assert_true (cg_session_get_modified (f->session));

  gtk_window_close (GTK_WINDOW (f->window));
  dialog = find_dialog ("Save changes to “Riverside” before closing?");
  assert_non_null (dialog);
  respond (dialog, "Discard");
  assert_true (cg_test_wait_for (window_gone, f, 2000));
}

static void
test_close_unmodified_closes (void **state)
{
  Fixture *f = *state;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close", NULL);
  assert_true (cg_test_wait_for (window_gone, f, 2000));
  assert_null (find_dialog ("Save changes to “Untitled session” before closing?"));
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_opens_on_review_styled, setup, teardown),
    cmocka_unit_test_setup_teardown (test_pages_get_the_session, setup, teardown),
    cmocka_unit_test_setup_teardown (test_navigation, setup, teardown),
    cmocka_unit_test_setup_teardown (test_sidebar_focus_follows_stage, setup, teardown),
    cmocka_unit_test_setup_teardown (test_hidden_pages_catch_up, setup, teardown),
    cmocka_unit_test_setup_teardown (test_title_and_undo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_completion_marks, setup, teardown),
    cmocka_unit_test_setup_teardown (test_close_asks_about_changes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_close_unmodified_closes, setup, teardown),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

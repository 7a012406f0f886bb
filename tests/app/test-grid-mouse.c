/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The capture grids as a laptop's touchpad and a projector meet them: a click
 * on a cell lists the answers, the partner columns are equally wide, cells
 * name partners by a name rather than a title, and the page's controls have
 * names a screen reader can say. Under Xvfb. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <adwaita.h>

#include "app-test-util.h"
#include "cg-capture-bar.h"
#include "cg-comments.h"
#include "cg-grid-cell.h"
#include "cg-capture-grid.h"
#include "cg-item-list.h"
#include "cg-lesson-page.h"
#include "cg-rating-grid.h"
#include "cg-role-grid.h"
#include "cg-session.h"

typedef struct
{
  CgSession *session;
  GtkWidget *window;
  guint partners[3];
  guint items[2];
  guint tasks[2];
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  /* Long names and organisations, a title before a name, and none. */
  static const char *const partners[] = {
    "Dr Priya Nair",
    "Riverside Medical Practice",
    "GP",
    "Sam Jones",
    "",
    "Housing officer",
    "Alexandra Montgomery-Smith",
    "Riverside Council Children's Services",
    "Social worker",
    NULL,
  };

  f->session = cg_test_session_new (partners, f->partners, cg_test_statements, f->items,
                                    cg_test_tasks, f->tasks);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->session);
  g_free (f);
  return 0;
}

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
show (Fixture   *f,
      GtkWidget *child)
{
  gtk_window_set_child (GTK_WINDOW (f->window), child);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

/* The buttons of an open list of choices, in order. */
static GPtrArray *
choices (GtkWidget *popover)
{
  GPtrArray *buttons = g_ptr_array_new ();
  GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (popover));

  assert_non_null (box);
  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    g_ptr_array_add (buttons, c);
  return buttons;
}

static const char *
choice_label (GPtrArray *buttons,
              guint      i)
{
  return gtk_button_get_label (GTK_BUTTON (g_ptr_array_index (buttons, i)));
}

static const char *
cell_text (GtkWidget *cell)
{
  return cg_grid_cell_get_text (CG_GRID_CELL (cell));
}

static void
test_rating_click_lists_answers (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  CgRatingGrid *grid = CG_RATING_GRID (widget);
  GtkWidget *popover = cg_rating_grid_get_popover (grid);
  g_autoptr (GPtrArray) buttons = NULL;
  guint row = 9, column = 9;

  show (f, widget);
  cg_session_set_rating (f->session, f->partners[1], f->items[1], CG_RATING_4);
  assert_false (gtk_widget_get_visible (popover));
  /* A click (what Space does too) on Sam's answer to the second statement. */
  g_signal_emit_by_name (cg_rating_grid_get_cell (grid, 1, 1), "clicked");
  iterate ();
  assert_true (gtk_widget_get_visible (popover));
  /* The cell keeps the focus, so the digit keys go on working. */
  assert_true (gtk_widget_has_focus (cg_rating_grid_get_cell (grid, 1, 1)));
  assert_true (cg_rating_grid_get_cursor (grid, &row, &column));
  assert_int_equal (row, 1);
  assert_int_equal (column, 1);
  buttons = choices (popover);
  /* 1..5 in words, don't know, clear; the current answer says so. */
  assert_int_equal (buttons->len, 7);
  assert_string_equal (choice_label (buttons, 0), "Strongly disagree (1)");
  assert_string_equal (choice_label (buttons, 3), "Agree (4) (current)");
  assert_string_equal (choice_label (buttons, 4), "Strongly agree (5)");
  assert_string_equal (choice_label (buttons, 5), "Don’t know (0 or ?)");
  assert_string_equal (choice_label (buttons, 6), "Clear the answer");
  /* Choosing sets that cell in the session and closes the list. */
  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  iterate ();
  assert_int_equal (cg_session_get_rating (f->session, f->partners[1], f->items[1]), CG_RATING_2);
  assert_string_equal (cell_text (cg_rating_grid_get_cell (grid, 1, 1)), "2");
  assert_false (gtk_widget_get_visible (popover));
  /* Nothing else changed. */
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[1]),
                    CG_RATING_NONE);

  /* Clear, from the list. */
  g_signal_emit_by_name (cg_rating_grid_get_cell (grid, 1, 1), "clicked");
  iterate ();
  g_ptr_array_unref (buttons);
  buttons = choices (popover);
  assert_string_equal (choice_label (buttons, 1), "Disagree (2) (current)");
  g_signal_emit_by_name (g_ptr_array_index (buttons, 6), "clicked");
  assert_int_equal (cg_session_get_rating (f->session, f->partners[1], f->items[1]),
                    CG_RATING_NONE);
  assert_true (cg_session_undo (f->session));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[1], f->items[1]), CG_RATING_2);
}

static void
test_rating_list_keeps_hidden_answers_hidden (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_rating_grid_new (f->session, CG_STAGE_AIMS);
  CgRatingGrid *grid = CG_RATING_GRID (widget);
  guint aim = cg_session_add_aim (f->session, "Liam is back in school");
  g_autoptr (GPtrArray) buttons = NULL;

  show (f, widget);
  cg_session_set_rating (f->session, f->partners[0], aim, CG_RATING_5);
  cg_session_set_answers_hidden (f->session, TRUE);
  g_signal_emit_by_name (cg_rating_grid_get_cell (grid, 0, 0), "clicked");
  iterate ();
  buttons = choices (cg_rating_grid_get_popover (grid));
  /* Aims are rated for importance; no choice gives the hidden 5 away. */
  assert_string_equal (choice_label (buttons, 4), "Essential (5)");
  for (guint i = 0; i < buttons->len; i++)
    assert_null (strstr (choice_label (buttons, i), "(current)"));
  /* A digit typed while the list is open still answers, and closes it. */
  assert_true (gtk_widget_get_visible (cg_rating_grid_get_popover (grid)));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_3, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], aim), CG_RATING_3);
}

static void
test_involvement_click_lists_parts (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_role_grid_new (f->session, CG_ROLE_GRID_INVOLVEMENT);
  CgRoleGrid *grid = CG_ROLE_GRID (widget);
  GtkWidget *popover = cg_role_grid_get_popover (grid);
  g_autoptr (GPtrArray) buttons = NULL;

  show (f, widget);
  g_signal_emit_by_name (cg_role_grid_get_cell (grid, 1, 2), "clicked");
  iterate ();
  assert_true (gtk_widget_get_visible (popover));
  buttons = choices (popover);
  assert_int_equal (buttons->len, 6);
  assert_string_equal (choice_label (buttons, 0), "R  Responsible");
  assert_string_equal (choice_label (buttons, 1), "A  Accountable");
  assert_string_equal (choice_label (buttons, 2), "C  Consulted");
  assert_string_equal (choice_label (buttons, 3), "I  Informed");
  assert_string_equal (choice_label (buttons, 4), "N  Not involved");
  assert_string_equal (choice_label (buttons, 5), "Clear the answer");
  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  assert_int_equal (cg_session_get_involvement (f->session, f->partners[2], f->tasks[1]),
                    CG_INVOLVEMENT_ACCOUNTABLE);
  assert_string_equal (cell_text (cg_role_grid_get_cell (grid, 1, 2)), "A");
  assert_int_equal (cg_session_get_involvement (f->session, f->partners[2], f->tasks[0]),
                    CG_INVOLVEMENT_UNSET);
}

static void
test_accountable_names_not_titles (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_role_grid_new (f->session, CG_ROLE_GRID_ACCOUNTABLE);
  CgRoleGrid *grid = CG_ROLE_GRID (widget);
  g_autoptr (GPtrArray) buttons = NULL;

  show (f, widget);
  cg_role_grid_set_cursor (grid, 0, 1);
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_1, 0));
  /* "Dr Priya Nair" is partner 1: the cell says "1 Priya", not "1 Dr". */
  assert_string_equal (cell_text (cg_role_grid_get_cell (grid, 0, 1)), "1 Priya");
  /* ...so "p" finds her too (and "d" still does). */
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_BackSpace, 0));
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_p, 0));
  assert_int_equal (cg_session_get_believed_accountable (f->session, f->partners[1], f->tasks[0]),
                    f->partners[0]);
  /* The list under a click names every partner in full, current first in words. */
  g_signal_emit_by_name (cg_role_grid_get_cell (grid, 0, 1), "clicked");
  iterate ();
  buttons = choices (cg_role_grid_get_popover (grid));
  assert_int_equal (buttons->len, 4);
  assert_string_equal (choice_label (buttons, 0), "Nobody named");
  assert_string_equal (choice_label (buttons, 1), "1 Dr Priya Nair (current)");
  assert_string_equal (choice_label (buttons, 3), "3 Alexandra Montgomery-Smith");
  g_signal_emit_by_name (g_ptr_array_index (buttons, 3), "clicked");
  assert_int_equal (cg_session_get_believed_accountable (f->session, f->partners[1], f->tasks[0]),
                    f->partners[2]);
  assert_string_equal (cell_text (cg_role_grid_get_cell (grid, 0, 1)), "3 Alexandra");
}

static void
test_short_names (void **state)
{
  struct
  {
    const char *name, *shown;
  } cases[] = {
    { "Dr Priya Nair", "Priya" },       { "Sam Jones", "Sam" }, { "Prof. Dr Jane Roe", "Jane" },
    { "  Mrs  Helen Carter", "Helen" }, { "Dr", "Dr" },         { "Cher", "Cher" },
    { "Drew Barrymore", "Drew" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = cg_grid_partner_short_name (cases[i].name);

      assert_string_equal (shown, cases[i].shown);
    }
}

/* Every partner's column is as wide as the widest, whatever the name's
 * length, and the cells under a header are that wide too. */
static void
test_columns_equal (void **state)
{
  Fixture *f = *state;
  GtkWidget *page = cg_lesson_page_new (0);
  CgRatingGrid *grid = CG_RATING_GRID (cg_lesson_page_get_grid (CG_LESSON_PAGE (page)));
  int widths[3];

  g_object_set (page, "session", f->session, NULL);
  show (f, page);
  for (guint c = 0; c < 3; c++)
    {
      widths[c] = gtk_widget_get_width (cg_rating_grid_get_cell (grid, 0, c));
      assert_true (widths[c] >= 72);
    }
  /* "Sam Jones" and "Alexandra Montgomery-Smith" get the same width. */
  assert_int_equal (widths[0], widths[1]);
  assert_int_equal (widths[1], widths[2]);
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_capture_bar_names (void **state)
{
  Fixture *f = *state;
  GtkWidget *bar = cg_capture_bar_new ();
  GtkWidget *reveal = NULL;

  cg_capture_bar_set_session (CG_CAPTURE_BAR (bar), f->session);
  cg_capture_bar_set_stage (CG_CAPTURE_BAR (bar), CG_STAGE_LESSON_1);
  cg_session_set_answers_hidden (f->session, TRUE);
  show (f, bar);
  for (GtkWidget *c = gtk_widget_get_first_child (bar); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c) &&
        g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), "_Reveal answers") == 0)
      reveal = c;
  assert_non_null (reveal);
  assert_true (gtk_widget_get_visible (reveal));
  /* The name has no mnemonic underscore in it. */
  assert_null (gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (reveal), GTK_ACCESSIBLE_PROPERTY_LABEL, "Reveal answers"));
}

static void
test_item_list (void **state)
{
  Fixture *f = *state;
  GtkWidget *list = cg_item_list_new (CG_STAGE_LESSON_1);
  GtkWidget *listbox, *entry;

  cg_item_list_set_session (CG_ITEM_LIST (list), f->session);
  show (f, list);
  listbox = find_by_type (list, GTK_TYPE_LIST_BOX);
  assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (listbox),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, "Statements"));
  /* A rewording of blanks is no rewording: the statement keeps its text. */
  entry = find_by_type (listbox, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  assert_string_equal (cg_session_lookup_item (f->session, f->items[0])->text,
                       "We have a shared purpose");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  We share one purpose ");
  g_signal_emit_by_name (entry, "activate");
  assert_string_equal (cg_session_lookup_item (f->session, f->items[0])->text,
                       "We share one purpose");
}

/* The label that stands for a comment while answers are hidden, and the
 * text view it replaces, in partner @column's box. */
static void
comment_widgets (GtkWidget  *comments,
                 guint       column,
                 GtkWidget **note,
                 GtkWidget **view)
{
  GtkWidget *flow = gtk_widget_get_first_child (comments);
  GtkWidget *child = gtk_widget_get_first_child (flow);
  GtkWidget *box;

  for (guint i = 0; i < column; i++)
    child = gtk_widget_get_next_sibling (child);
  box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
  *note = g_object_get_data (G_OBJECT (box), "cg-note");
  *view = find_by_type (box, GTK_TYPE_TEXT_VIEW);
}

static void
test_comments_hidden_until_revealed (void **state)
{
  Fixture *f = *state;
  GtkWidget *comments = cg_comments_new (0);
  GtkWidget *note, *view, *note1, *view1;

  cg_comments_set_session (CG_COMMENTS (comments), f->session);
  cg_session_set_comment (f->session, f->partners[0], 0, "Nobody agreed who leads.");
  show (f, comments);
  comment_widgets (comments, 0, &note, &view);
  comment_widgets (comments, 1, &note1, &view1);
  assert_true (gtk_widget_is_visible (view));
  assert_false (gtk_widget_is_visible (note));

  /* Hidden: the room sees that Dr Nair wrote something, not what. */
  cg_session_set_answers_hidden (f->session, TRUE);
  assert_false (gtk_widget_is_visible (view));
  assert_true (gtk_widget_is_visible (note));
  assert_string_equal (gtk_label_get_text (GTK_LABEL (note)),
                       "● Comment written: hidden until the answers are revealed");
  assert_string_equal (gtk_label_get_text (GTK_LABEL (note1)),
                       "No comment yet: pass the laptop to write one");
  assert_false (gtk_widget_is_visible (view1));

  /* Private entry: the partner at the laptop sees and writes their own. */
  cg_comments_set_only_partner (CG_COMMENTS (comments), f->partners[1]);
  assert_true (gtk_widget_is_visible (view1));
  assert_false (gtk_widget_is_visible (note1));
  cg_comments_set_only_partner (CG_COMMENTS (comments), 0);
  assert_false (gtk_widget_is_visible (view1));

  /* Another lesson's reveal changes nothing here; this lesson's does. */
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_2, TRUE);
  assert_false (gtk_widget_is_visible (view));
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_1, TRUE);
  assert_true (gtk_widget_is_visible (view));
  assert_false (gtk_widget_is_visible (note));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_rating_click_lists_answers, setup, teardown),
    cmocka_unit_test_setup_teardown (test_rating_list_keeps_hidden_answers_hidden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_involvement_click_lists_parts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_accountable_names_not_titles, setup, teardown),
    cmocka_unit_test (test_short_names),
    cmocka_unit_test_setup_teardown (test_columns_equal, setup, teardown),
    cmocka_unit_test_setup_teardown (test_capture_bar_names, setup, teardown),
    cmocka_unit_test_setup_teardown (test_item_list, setup, teardown),
    cmocka_unit_test_setup_teardown (test_comments_hidden_until_revealed, setup, teardown),
  };

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77;
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}

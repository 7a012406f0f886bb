/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for the capture grids and stage pages, under Xvfb. Keys go
 * through cg_*_grid_handle_key(), the function the grids' key controllers
 * call, so the real key path is exercised. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <adwaita.h>

#include "cg-aims-page.h"
#include "cg-capture-bar.h"
#include "app-test-util.h"
#include "cg-grid-cell.h"
#include "cg-lesson-page.h"
#include "cg-rating-grid.h"
#include "cg-role-grid.h"
#include "cg-roles-page.h"
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

  f->session = cg_test_session_new (cg_test_partners, f->partners, cg_test_statements, f->items,
                                    cg_test_tasks, f->tasks);
  cg_session_add_statement (f->session, 1, "Another lesson's statement");
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
show (Fixture   *f,
      GtkWidget *child)
{
  gtk_window_set_child (GTK_WINDOW (f->window), child);
  gtk_window_present (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The question shown on top of every other window, or NULL. */
static AdwMessageDialog *
open_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static const char *
cell_text (GtkWidget *cell)
{
  return cg_grid_cell_get_text (CG_GRID_CELL (cell));
}

static const char *
cell_spoken (GtkWidget *cell)
{
  return cg_grid_cell_get_accessible_label (CG_GRID_CELL (cell));
}

static void
assert_cursor (gboolean (*get) (gpointer, guint *, guint *), gpointer grid, guint row, guint column)
{
  guint r = 99, c = 99;

  assert_true (get (grid, &r, &c));
  assert_int_equal (r, row);
  assert_int_equal (c, column);
}

#define RATING_CURSOR(g, r, c) assert_cursor ((gpointer) cg_rating_grid_get_cursor, g, r, c)
#define ROLE_CURSOR(g, r, c) assert_cursor ((gpointer) cg_role_grid_get_cursor, g, r, c)

static void
test_keys_set_clear (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  CgRatingGrid *grid = CG_RATING_GRID (widget);
  GtkWidget *cell;

  show (f, widget);
  cg_rating_grid_set_cursor (grid, 0, 0);
  cell = cg_rating_grid_get_cell (grid, 0, 0);
  assert_string_equal (cell_text (cell), "");
  assert_string_equal (cell_spoken (cell),
                       "Alex Smith, Social Services - “We have a shared purpose” - not answered");

  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_4, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[0]), CG_RATING_4);
  assert_string_equal (cell_text (cell), "4");
  assert_string_equal (cell_spoken (cell),
                       "Alex Smith, Social Services - “We have a shared purpose” - Agree (4)");
  /* The cell is the same widget: a rating redraws one cell, never the grid. */
  assert_ptr_equal (cg_rating_grid_get_cell (grid, 0, 0), cell);

  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_KP_1, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[0]), CG_RATING_1);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_question, GDK_SHIFT_MASK));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[0]),
                    CG_RATING_DONT_KNOW);
  assert_string_equal (cell_text (cell), "?");
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_5, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_0, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[0]),
                    CG_RATING_DONT_KNOW);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_BackSpace, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[0]),
                    CG_RATING_NONE);
  assert_string_equal (cell_text (cell), "");
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_3, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Delete, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[0]),
                    CG_RATING_NONE);

  /* 6-9, letters and shortcuts are not answers: nothing is stored. */
  assert_false (cg_rating_grid_handle_key (grid, GDK_KEY_6, 0));
  assert_false (cg_rating_grid_handle_key (grid, GDK_KEY_x, 0));
  assert_false (cg_rating_grid_handle_key (grid, GDK_KEY_4, GDK_CONTROL_MASK));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[0]),
                    CG_RATING_NONE);
  /* The other lesson's statement is not in this grid. */
  assert_null (cg_rating_grid_get_cell (grid, 2, 0));
}

static void
test_keys_move (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  CgRatingGrid *grid = CG_RATING_GRID (widget);

  show (f, widget);
  cg_rating_grid_set_cursor (grid, 0, 0);
  /* Enter: next partner, then the first partner of the next row. */
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_2, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Return, 0));
  RATING_CURSOR (grid, 0, 1);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_5, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Return, 0));
  RATING_CURSOR (grid, 0, 2);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_KP_Enter, 0));
  RATING_CURSOR (grid, 1, 0);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_1, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[0]), CG_RATING_2);
  assert_int_equal (cg_session_get_rating (f->session, f->partners[1], f->items[0]), CG_RATING_5);
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[1]), CG_RATING_1);
  /* Focus follows the cursor. */
  assert_true (gtk_widget_has_focus (cg_rating_grid_get_cell (grid, 1, 0)));

  /* Arrows move and stop at the edges. */
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Left, 0));
  RATING_CURSOR (grid, 1, 0);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Down, 0));
  RATING_CURSOR (grid, 1, 0);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Up, 0));
  RATING_CURSOR (grid, 0, 0);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Right, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Right, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Right, 0));
  RATING_CURSOR (grid, 0, 2);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Home, 0));
  RATING_CURSOR (grid, 0, 0);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_End, 0));
  RATING_CURSOR (grid, 0, 2);
  /* Shift+Tab goes back; Tab past the last cell lets focus leave. */
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  RATING_CURSOR (grid, 0, 1);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Tab, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Tab, 0));
  RATING_CURSOR (grid, 1, 0);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_End, 0));
  assert_false (cg_rating_grid_handle_key (grid, GDK_KEY_Tab, 0));
  /* Focus stays on the last cell: the window moves it on. */
  assert_true (gtk_widget_has_focus (cg_rating_grid_get_cell (grid, 1, 2)));
  /* Ctrl+Tab leaves from anywhere: focus goes to the last cell, and the key
   * is left to the window, which moves focus past the grid. */
  cg_rating_grid_set_cursor (grid, 0, 0);
  assert_false (cg_rating_grid_handle_key (grid, GDK_KEY_Tab, GDK_CONTROL_MASK));
  assert_true (gtk_widget_has_focus (cg_rating_grid_get_cell (grid, 1, 2)));
  assert_false (
    cg_rating_grid_handle_key (grid, GDK_KEY_ISO_Left_Tab, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  assert_true (gtk_widget_has_focus (cg_rating_grid_get_cell (grid, 0, 0)));
}

static void
test_hidden_shows_no_values (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  CgRatingGrid *grid = CG_RATING_GRID (widget);
  GtkWidget *filled = cg_rating_grid_get_cell (grid, 0, 1);
  GtkWidget *empty = cg_rating_grid_get_cell (grid, 1, 1);

  show (f, widget);
  cg_session_set_answers_hidden (f->session, TRUE);
  cg_rating_grid_set_cursor (grid, 0, 1);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_5, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[1], f->items[0]), CG_RATING_5);
  assert_string_equal (cell_text (filled), "●");
  assert_string_equal (cell_spoken (filled), "Sam Jones - “We have a shared purpose” - answered");
  assert_null (strstr (cell_spoken (filled), "5"));
  assert_null (strstr (cell_spoken (filled), "agree"));
  assert_string_equal (cell_text (empty), "");
  assert_string_equal (cell_spoken (empty),
                       "Sam Jones - “Leadership is accepted by all” - not answered");
  /* Another lesson's reveal does not show this one. */
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_2, TRUE);
  assert_string_equal (cell_text (filled), "●");

  cg_session_set_revealed (f->session, CG_STAGE_LESSON_1, TRUE);
  assert_string_equal (cell_text (filled), "5");
  assert_string_equal (cell_spoken (filled),
                       "Sam Jones - “We have a shared purpose” - Strongly agree (5)");
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_1, FALSE);
  assert_string_equal (cell_text (filled), "●");
  assert_null (strstr (cell_spoken (filled), "5"));
}

static void
test_undo_restores (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  CgRatingGrid *grid = CG_RATING_GRID (widget);
  GtkWidget *cell = cg_rating_grid_get_cell (grid, 1, 2);

  show (f, widget);
  cg_rating_grid_set_cursor (grid, 1, 2);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_3, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_1, 0));
  assert_string_equal (cell_text (cell), "1");
  assert_true (cg_session_undo (f->session));
  assert_string_equal (cell_text (cell), "3");
  assert_string_equal (
    cell_spoken (cell),
    "Priya Patel, Housing - “Leadership is accepted by all” - Neither agree nor disagree (3)");
  assert_true (cg_session_undo (f->session));
  assert_string_equal (cell_text (cell), "");
  assert_true (cg_session_redo (f->session));
  assert_string_equal (cell_text (cell), "3");
}

static void
test_private_entry (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  CgRatingGrid *grid = CG_RATING_GRID (widget);

  show (f, widget);
  cg_rating_grid_set_cursor (grid, 0, 0);
  cg_rating_grid_set_only_partner (grid, f->partners[1]);
  assert_false (gtk_widget_get_visible (cg_rating_grid_get_cell (grid, 0, 0)));
  assert_true (gtk_widget_get_visible (cg_rating_grid_get_cell (grid, 0, 1)));
  assert_false (gtk_widget_get_visible (cg_rating_grid_get_cell (grid, 1, 2)));
  RATING_CURSOR (grid, 0, 1);
  /* Enter and arrows stay in the one column shown. */
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_4, 0));
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Right, 0));
  RATING_CURSOR (grid, 0, 1);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Return, 0));
  RATING_CURSOR (grid, 1, 1);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_2, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[1], f->items[0]), CG_RATING_4);
  assert_int_equal (cg_session_get_rating (f->session, f->partners[1], f->items[1]), CG_RATING_2);
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->items[1]),
                    CG_RATING_NONE);
  /* View state only: the session is not modified by it. */
  cg_session_set_unmodified (f->session);
  cg_rating_grid_set_only_partner (grid, 0);
  assert_false (cg_session_get_modified (f->session));
  assert_true (gtk_widget_get_visible (cg_rating_grid_get_cell (grid, 0, 0)));
}

static void
test_structure_changes (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  CgRatingGrid *grid = CG_RATING_GRID (widget);
  guint added;

  show (f, widget);
  cg_session_set_rating (f->session, f->partners[2], f->items[1], CG_RATING_2);
  added = cg_session_add_statement (f->session, 0, "Partnership is the right approach");
  assert_non_null (cg_rating_grid_get_cell (grid, 2, 2));
  assert_string_equal (cell_text (cg_rating_grid_get_cell (grid, 1, 2)), "2");
  cg_session_move_item (f->session, added, 0);
  assert_string_equal (cell_text (cg_rating_grid_get_cell (grid, 2, 2)), "2");
  cg_session_set_item_text (f->session, f->items[1], "Leaders are accepted");
  assert_string_equal (cell_spoken (cg_rating_grid_get_cell (grid, 2, 2)),
                       "Priya Patel, Housing - “Leaders are accepted” - Disagree (2)");
  cg_session_remove_partner (f->session, f->partners[0]);
  assert_null (cg_rating_grid_get_cell (grid, 0, 2));
  assert_string_equal (cell_text (cg_rating_grid_get_cell (grid, 2, 1)), "2");
}

/* Typing a partner's name edits the session at every key: the grids update
 * the header and the cells that name the partner in place. The cells stay
 * the same widgets and the one with the focus keeps it (a full rebuild per
 * key took 0.3-1 s with 12 partners and every stage open). */
static void
test_partner_renamed_in_place (void **state)
{
  Fixture *f = *state;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *rating = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  GtkWidget *inv = cg_role_grid_new (f->session, CG_ROLE_GRID_INVOLVEMENT);
  GtkWidget *acc = cg_role_grid_new (f->session, CG_ROLE_GRID_ACCOUNTABLE);
  GtkWidget *cell, *inv_cell, *acc_cell;

  gtk_box_append (GTK_BOX (box), rating);
  gtk_box_append (GTK_BOX (box), inv);
  gtk_box_append (GTK_BOX (box), acc);
  show (f, box);
  cg_session_set_rating (f->session, f->partners[1], f->items[0], CG_RATING_4);
  cg_session_set_involvement (f->session, f->partners[1], f->tasks[0], CG_INVOLVEMENT_RESPONSIBLE);
  /* Alex (column 0) believes Sam is Accountable for the first task. */
  cg_session_set_believed_accountable (f->session, f->partners[0], f->tasks[0], f->partners[1]);
  cell = cg_rating_grid_get_cell (CG_RATING_GRID (rating), 0, 1);
  inv_cell = cg_role_grid_get_cell (CG_ROLE_GRID (inv), 0, 1);
  acc_cell = cg_role_grid_get_cell (CG_ROLE_GRID (acc), 0, 0);
  assert_string_equal (cell_text (acc_cell), "2 Sam");
  cg_rating_grid_set_cursor (CG_RATING_GRID (rating), 0, 1);
  assert_true (gtk_widget_grab_focus (cell));

  cg_session_set_partner_field (f->session, f->partners[1], CG_PARTNER_NAME, "Samira Jones");
  assert_ptr_equal (cg_rating_grid_get_cell (CG_RATING_GRID (rating), 0, 1), cell);
  assert_ptr_equal (cg_role_grid_get_cell (CG_ROLE_GRID (inv), 0, 1), inv_cell);
  assert_true (gtk_widget_has_focus (cell));
  assert_string_equal (cell_spoken (cell), "Samira Jones - “We have a shared purpose” - Agree (4)");
  assert_string_equal (cell_spoken (inv_cell),
                       "Samira Jones - “Chair the weekly meeting” - own part: Responsible");
  /* In the believed-Accountable grid another partner's cell names her. */
  assert_string_equal (cell_text (acc_cell), "2 Samira");
  assert_string_equal (cell_spoken (acc_cell), "Alex Smith, Social Services - “Chair the weekly "
                                               "meeting” - believes Accountable: Samira Jones");
  assert_non_null (cg_test_find (rating, GTK_TYPE_LABEL, "Samira Jones"));
  assert_null (cg_test_find (rating, GTK_TYPE_LABEL, "Sam Jones"));
  assert_non_null (cg_test_find (acc, GTK_TYPE_LABEL, "2 Samira Jones"));
  assert_null (cg_test_find (acc, GTK_TYPE_LABEL, "2 Sam Jones"));

  /* An organisation joins the spoken name too. */
  cg_session_set_partner_field (f->session, f->partners[1], CG_PARTNER_ORGANISATION, "Practice");
  assert_string_equal (cell_spoken (cell),
                       "Samira Jones, Practice - “We have a shared purpose” - Agree (4)");

  /* Off screen (another stage shown) the grids catch up when shown. */
  gtk_widget_set_visible (box, FALSE);
  cg_session_set_partner_field (f->session, f->partners[1], CG_PARTNER_NAME, "Sami Jo");
  gtk_widget_set_visible (box, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_string_equal (cell_spoken (cell),
                       "Sami Jo, Practice - “We have a shared purpose” - Agree (4)");
  assert_string_equal (cell_text (acc_cell), "2 Sami");
  assert_non_null (cg_test_find (acc, GTK_TYPE_LABEL, "2 Sami Jo"));
}

static void
test_aims_grid (void **state)
{
  Fixture *f = *state;
  guint aim = cg_session_add_aim (f->session, "Fewer missed appointments");
  GtkWidget *page = cg_aims_page_new ();
  CgRatingGrid *grid;

  cg_aims_page_set_session (CG_AIMS_PAGE (page), f->session);
  show (f, page);
  grid = CG_RATING_GRID (cg_aims_page_get_grid (CG_AIMS_PAGE (page)));
  cg_rating_grid_set_cursor (grid, 0, 2);
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_4, 0));
  assert_int_equal (cg_session_get_rating (f->session, f->partners[2], aim), CG_RATING_4);
  assert_string_equal (cell_spoken (cg_rating_grid_get_cell (grid, 0, 2)),
                       "Priya Patel, Housing - “Fewer missed appointments” - Very important (4)");
}

static void
test_role_involvement_keys (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_role_grid_new (f->session, CG_ROLE_GRID_INVOLVEMENT);
  CgRoleGrid *grid = CG_ROLE_GRID (widget);
  GtkWidget *cell = cg_role_grid_get_cell (grid, 0, 0);

  show (f, widget);
  cg_role_grid_set_cursor (grid, 0, 0);
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_r, 0));
  assert_int_equal (cg_session_get_involvement (f->session, f->partners[0], f->tasks[0]),
                    CG_INVOLVEMENT_RESPONSIBLE);
  assert_string_equal (cell_text (cell), "R");
  assert_string_equal (
    cell_spoken (cell),
    "Alex Smith, Social Services - “Chair the weekly meeting” - own part: Responsible");
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_A, GDK_SHIFT_MASK));
  assert_string_equal (cell_text (cell), "A");
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_c, 0));
  assert_string_equal (cell_text (cell), "C");
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_i, 0));
  assert_int_equal (cg_session_get_involvement (f->session, f->partners[0], f->tasks[0]),
                    CG_INVOLVEMENT_INFORMED);
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_n, 0));
  assert_int_equal (cg_session_get_involvement (f->session, f->partners[0], f->tasks[0]),
                    CG_INVOLVEMENT_NONE);
  assert_string_equal (cell_text (cell), "–");
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_BackSpace, 0));
  assert_int_equal (cg_session_get_involvement (f->session, f->partners[0], f->tasks[0]),
                    CG_INVOLVEMENT_UNSET);
  assert_string_equal (cell_text (cell), "");
  assert_false (cg_role_grid_handle_key (grid, GDK_KEY_x, 0));
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_Return, 0));
  ROLE_CURSOR (grid, 0, 1);
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_a, 0));
  assert_int_equal (cg_session_get_involvement (f->session, f->partners[1], f->tasks[0]),
                    CG_INVOLVEMENT_ACCOUNTABLE);

  cg_session_set_answers_hidden (f->session, TRUE);
  cell = cg_role_grid_get_cell (grid, 0, 1);
  assert_string_equal (cell_text (cell), "●");
  assert_string_equal (cell_spoken (cell),
                       "Sam Jones - “Chair the weekly meeting” - own part: answered");
  assert_true (cg_session_undo (f->session));
  assert_true (cg_session_undo (f->session));
  assert_string_equal (cell_text (cell), "");
}

static void
test_role_accountable_keys (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget = cg_role_grid_new (f->session, CG_ROLE_GRID_ACCOUNTABLE);
  CgRoleGrid *grid = CG_ROLE_GRID (widget);
  GtkWidget *cell = cg_role_grid_get_cell (grid, 1, 0);

  show (f, widget);
  cg_role_grid_set_cursor (grid, 1, 0);
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_2, 0));
  assert_int_equal (cg_session_get_believed_accountable (f->session, f->partners[0], f->tasks[1]),
                    f->partners[1]);
  assert_string_equal (cell_text (cell), "2 Sam");
  assert_string_equal (
    cell_spoken (cell),
    "Alex Smith, Social Services - “Keep the family informed” - believes Accountable: Sam Jones");
  /* A letter picks the next partner whose name starts with it. */
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_p, 0));
  assert_int_equal (cg_session_get_believed_accountable (f->session, f->partners[0], f->tasks[1]),
                    f->partners[2]);
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_A, GDK_SHIFT_MASK));
  assert_int_equal (cg_session_get_believed_accountable (f->session, f->partners[0], f->tasks[1]),
                    f->partners[0]);
  /* No fourth partner: 4 is not used. */
  assert_false (cg_role_grid_handle_key (grid, GDK_KEY_4, 0));
  assert_true (cg_role_grid_handle_key (grid, GDK_KEY_0, 0));
  assert_int_equal (cg_session_get_believed_accountable (f->session, f->partners[0], f->tasks[1]),
                    0);
  assert_string_equal (cell_text (cell), "");
  assert_string_equal (
    cell_spoken (cell),
    "Alex Smith, Social Services - “Keep the family informed” - believes Accountable: nobody named");
  /* The involvement of the same partner is a separate answer. */
  assert_int_equal (cg_session_get_involvement (f->session, f->partners[0], f->tasks[1]),
                    CG_INVOLVEMENT_UNSET);
}

static void
test_lesson_page (void **state)
{
  Fixture *f = *state;
  GtkWidget *page = cg_lesson_page_new (0);
  CgRatingGrid *grid = CG_RATING_GRID (cg_lesson_page_get_grid (CG_LESSON_PAGE (page)));
  GtkWidget *bar = find_descendant (page, CG_TYPE_CAPTURE_BAR);

  g_object_set (page, "session", f->session, NULL);
  show (f, page);
  assert_int_equal (cg_rating_grid_get_stage (grid), CG_STAGE_LESSON_1);
  assert_non_null (cg_rating_grid_get_cell (grid, 1, 2));
  /* "Pass the laptop to" is an action on the capture bar. */
  gtk_widget_activate_action (bar, "capture.pass-to", "u", f->partners[2]);
  assert_int_equal (cg_rating_grid_get_only_partner (grid), f->partners[2]);
  assert_false (gtk_widget_get_visible (cg_rating_grid_get_cell (grid, 0, 0)));
  /* Back to all partners is the facilitator's step: it asks first, and
   * the answer that keeps the entry private is the default. */
  gtk_widget_activate_action (bar, "capture.all-partners", NULL);
  assert_non_null (open_message_dialog ());
  assert_string_equal (adw_message_dialog_get_default_response (open_message_dialog ()), "keep");
  assert_string_equal (adw_message_dialog_get_close_response (open_message_dialog ()), "keep");
  adw_message_dialog_response (open_message_dialog (), "keep");
  assert_int_equal (cg_rating_grid_get_only_partner (grid), f->partners[2]);
  gtk_widget_activate_action (bar, "capture.all-partners", NULL);
  adw_message_dialog_response (open_message_dialog (), "all-partners");
  assert_int_equal (cg_rating_grid_get_only_partner (grid), 0);
  assert_true (gtk_widget_get_visible (cg_rating_grid_get_cell (grid, 0, 0)));
  /* Reveal from the page, for its own stage only. */
  cg_session_set_answers_hidden (f->session, TRUE);
  gtk_widget_activate_action (bar, "capture.reveal", NULL);
  assert_true (cg_session_get_revealed (f->session, CG_STAGE_LESSON_1));
  assert_false (cg_session_get_revealed (f->session, CG_STAGE_LESSON_2));
  gtk_widget_activate_action (bar, "capture.hide", NULL);
  assert_false (cg_session_get_revealed (f->session, CG_STAGE_LESSON_1));
}

static void
test_roles_page (void **state)
{
  Fixture *f = *state;
  GtkWidget *page = cg_roles_page_new ();
  CgRoleGrid *inv, *acc;

  cg_roles_page_set_session (CG_ROLES_PAGE (page), f->session);
  show (f, page);
  inv = CG_ROLE_GRID (cg_roles_page_get_involvement_grid (CG_ROLES_PAGE (page)));
  acc = CG_ROLE_GRID (cg_roles_page_get_accountable_grid (CG_ROLES_PAGE (page)));
  assert_int_equal (cg_role_grid_get_mode (inv), CG_ROLE_GRID_INVOLVEMENT);
  assert_int_equal (cg_role_grid_get_mode (acc), CG_ROLE_GRID_ACCOUNTABLE);
  gtk_widget_activate_action (find_descendant (page, CG_TYPE_CAPTURE_BAR), "capture.pass-to", "u",
                              f->partners[0]);
  assert_int_equal (cg_role_grid_get_only_partner (inv), f->partners[0]);
  assert_int_equal (cg_role_grid_get_only_partner (acc), f->partners[0]);
}

/* 12 partners x 30 statements, every cell typed with Enter between: each
 * answer lands in its own cell, in order across the partners. (How fast:
 * tests/bench/bench-keys, run by build-aux/bench.) */
static void
test_large_grid (void **state)
{
  Fixture *f = *state;
  GtkWidget *widget;
  CgRatingGrid *grid;
  guint row = 0, column = 0;

  for (guint i = 3; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %u", i + 1);

      cg_session_add_partner (f->session, name, "Org", "");
    }
  for (guint i = 2; i < 30; i++)
    {
      g_autofree char *text = g_strdup_printf ("Statement number %u", i + 1);

      cg_session_add_statement (f->session, 0, text);
    }
  widget = cg_rating_grid_new (f->session, CG_STAGE_LESSON_1);
  grid = CG_RATING_GRID (widget);
  show (f, widget);
  cg_rating_grid_set_cursor (grid, 0, 0);
  for (guint k = 0; k < 360; k++)
    {
      assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_1 + k % 5, 0));
      cg_rating_grid_handle_key (grid, GDK_KEY_Return, 0);
    }
  /* Key k went to row k / 12, column k % 12, rating k % 5 + 1. */
  assert_string_equal (cell_text (cg_rating_grid_get_cell (grid, 29, 11)), "5");
  assert_string_equal (cell_text (cg_rating_grid_get_cell (grid, 0, 1)), "2");
  assert_string_equal (cell_text (cg_rating_grid_get_cell (grid, 1, 0)), "3");
  /* k = 17 * 12 + 7 = 211, 211 = 5 * 42 + 1. */
  assert_string_equal (cell_text (cg_rating_grid_get_cell (grid, 17, 7)), "2");
  assert_int_equal (cg_session_get_rating (f->session, cg_session_get_partner (f->session, 7)->id,
                                           cg_session_get_statement (f->session, 0, 17)->id),
                    CG_RATING_2);
  /* Enter after the last cell stays on it. */
  assert_true (cg_rating_grid_get_cursor (grid, &row, &column));
  assert_int_equal (row, 29);
  assert_int_equal (column, 11);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_keys_set_clear, setup, teardown),
    cmocka_unit_test_setup_teardown (test_keys_move, setup, teardown),
    cmocka_unit_test_setup_teardown (test_hidden_shows_no_values, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_restores, setup, teardown),
    cmocka_unit_test_setup_teardown (test_private_entry, setup, teardown),
    cmocka_unit_test_setup_teardown (test_structure_changes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_partner_renamed_in_place, setup, teardown),
    cmocka_unit_test_setup_teardown (test_aims_grid, setup, teardown),
    cmocka_unit_test_setup_teardown (test_role_involvement_keys, setup, teardown),
    cmocka_unit_test_setup_teardown (test_role_accountable_keys, setup, teardown),
    cmocka_unit_test_setup_teardown (test_lesson_page, setup, teardown),
    cmocka_unit_test_setup_teardown (test_roles_page, setup, teardown),
    cmocka_unit_test_setup_teardown (test_large_grid, setup, teardown),
  };

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77;
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  return cmocka_run_group_tests (tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Partners stage: adding, renaming, reordering and removing partners
 * edits the session, and the session's changes (undo) show in the page. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-partner-row.h"
#include "cg-partners-page.h"

typedef struct
{
  CgSession *session;
  GtkWidget *page;
  GtkWindow *window;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->session = cg_session_new ();
  f->page = cg_partners_page_new ();
  g_object_set (f->page, "session", f->session, NULL);
  f->window = cg_test_window_new (f->page);
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
  g_free (f);
  return 0;
}

static void
add_by_enter (Fixture    *f,
              const char *name)
{
  GtkWidget *entry = cg_test_find (f->page, GTK_TYPE_ENTRY, "Name of a new partner");

  assert_non_null (entry);
  cg_test_type (GTK_EDITABLE (entry), name);
  /* What Enter does. */
  g_signal_emit_by_name (entry, "activate");
  cg_test_iterate ();
}

static const char *
summary (Fixture *f)
{
  /* The summary is the label right after the "Partners" heading. */
  GtkWidget *label = cg_test_find (f->page, GTK_TYPE_LABEL, "Partners");
  assert_non_null (label);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (label)));
}

/* The rows in the order the list shows them. */
static CgPartnerRow *
row_at (Fixture *f,
        guint    index)
{
  GtkWidget *list = cg_test_find (f->page, GTK_TYPE_LIST_BOX, NULL);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  return row ? CG_PARTNER_ROW (row) : NULL;
}

static GtkEditable *
row_entry (CgPartnerRow *row,
           const char   *placeholder)
{
  GtkWidget *entry = cg_test_find (GTK_WIDGET (row), GTK_TYPE_ENTRY, placeholder);

  assert_non_null (entry);
  return GTK_EDITABLE (entry);
}

static guint
id_at (Fixture *f,
       guint    position)
{
  return cg_session_get_partner (f->session, position)->id;
}

static void
test_add (void **state)
{
  Fixture *f = *state;
  GtkWidget *entry = cg_test_find (f->page, GTK_TYPE_ENTRY, "Name of a new partner");
  GtkWidget *add = cg_test_find (f->page, GTK_TYPE_BUTTON, "Add Partner");

  assert_string_equal (summary (f),
                       "No partners yet. Add every organisation, profession or group taking part.");
  assert_false (gtk_widget_get_sensitive (add));

  add_by_enter (f, "  Alex  ");
  assert_int_equal (cg_session_get_n_partners (f->session), 1);
  assert_string_equal (cg_session_get_partner (f->session, 0)->name, "Alex");
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "");
  assert_string_equal (summary (f), "1 partner: add another to make a partnership.");

  /* The button adds too, and an empty name adds nothing. */
  cg_test_type (GTK_EDITABLE (entry), "Sam");
  assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  cg_test_type (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  cg_test_iterate ();
  assert_int_equal (cg_session_get_n_partners (f->session), 2);
  assert_string_equal (summary (f), "2 partners: 1 relationship to keep alive");

  add_by_enter (f, "Priya");
  assert_string_equal (summary (f), "3 partners: 3 relationships to keep alive");
  add_by_enter (f, "Jo");
  assert_string_equal (summary (f), "4 partners: 6 relationships to keep alive");

  /* One row per partner, in the session's order, showing its name. */
  assert_string_equal (gtk_editable_get_text (row_entry (row_at (f, 3), "Name")), "Jo");
  assert_null (row_at (f, 4));
}

static void
test_rename (void **state)
{
  Fixture *f = *state;
  CgPartnerRow *row;
  const char *const roles[] = { "GP", "Social worker", NULL };

  add_by_enter (f, "Alex");
  add_by_enter (f, "Sam");
  row = row_at (f, 0);

  cg_test_type (row_entry (row, "Name"), "Alex Smith");
  cg_test_type (row_entry (row, "Organisation"), "Social Services");
  cg_test_type (row_entry (row, "Role or profession"), "Social worker");
  assert_string_equal (cg_session_get_partner (f->session, 0)->name, "Alex Smith");
  assert_string_equal (cg_session_get_partner (f->session, 0)->organisation, "Social Services");
  assert_string_equal (cg_session_get_partner (f->session, 0)->role, "Social worker");

  /* A suggested role replaces what was typed. */
  cg_session_set_role_suggestions (f->session, roles);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 1)), "row.set-role", "s", "GP"));
  assert_string_equal (cg_session_get_partner (f->session, 1)->role, "GP");
  assert_string_equal (gtk_editable_get_text (row_entry (row_at (f, 1), "Role or profession")),
                       "GP");

  /* A palette colour. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.set-colour", "s", "#d55e00"));
  assert_string_equal (cg_session_get_partner (f->session, 0)->colour, "#d55e00");

  /* The session's own changes show in the row: undo the colour, then the
   * role, and rename from outside. */
  cg_session_set_partner_field (f->session, id_at (f, 1), CG_PARTNER_NAME, "Samira");
  assert_string_equal (gtk_editable_get_text (row_entry (row_at (f, 1), "Name")), "Samira");
  cg_session_undo (f->session);
  assert_string_equal (gtk_editable_get_text (row_entry (row_at (f, 1), "Name")), "Sam");
}

static void
test_reorder (void **state)
{
  Fixture *f = *state;
  GtkEditable *priya_name;
  guint alex, sam, priya;
  GtkWidget *up;

  add_by_enter (f, "Alex");
  add_by_enter (f, "Sam");
  add_by_enter (f, "Priya");
  alex = id_at (f, 0);
  sam = id_at (f, 1);
  priya = id_at (f, 2);

  /* The first row cannot move up; the last cannot move down. */
  up = cg_test_find (GTK_WIDGET (row_at (f, 0)), GTK_TYPE_BUTTON, "Move Up (Alt+Up)");
  assert_non_null (up);
  assert_false (gtk_widget_get_sensitive (up));
  assert_false (gtk_widget_get_sensitive (
    cg_test_find (GTK_WIDGET (row_at (f, 2)), GTK_TYPE_BUTTON, "Move Down (Alt+Down)")));

  /* Move Priya up while typing in her name: the focus stays with her. */
  priya_name = row_entry (row_at (f, 2), "Name");
  gtk_widget_grab_focus (GTK_WIDGET (priya_name));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 2)), "row.move-up", NULL));
  cg_test_iterate ();
  assert_int_equal (id_at (f, 0), alex);
  assert_int_equal (id_at (f, 1), priya);
  assert_int_equal (id_at (f, 2), sam);
  assert_int_equal (cg_partner_row_get_partner_id (row_at (f, 1)), priya);
  assert_int_equal (cg_partner_row_get_partner_id (row_at (f, 2)), sam);
  assert_true (
    gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (row_at (f, 1))));
  assert_true (gtk_widget_get_sensitive (
    cg_test_find (GTK_WIDGET (row_at (f, 2)), GTK_TYPE_BUTTON, "Move Up (Alt+Up)")));

  /* Down from the top, and undo puts the list back. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 0)), "row.move-down", NULL));
  cg_test_iterate ();
  assert_int_equal (cg_partner_row_get_partner_id (row_at (f, 0)), priya);
  assert_int_equal (cg_partner_row_get_partner_id (row_at (f, 1)), alex);
  cg_session_undo (f->session);
  cg_test_iterate ();
  assert_int_equal (cg_partner_row_get_partner_id (row_at (f, 0)), alex);
  assert_int_equal (cg_partner_row_get_partner_id (row_at (f, 1)), priya);
}

static void
test_remove_and_undo (void **state)
{
  Fixture *f = *state;
  guint sam, jo;

  add_by_enter (f, "Alex");
  add_by_enter (f, "Sam");
  add_by_enter (f, "Jo");
  sam = id_at (f, 1);
  jo = id_at (f, 2);

  assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 1)), "row.remove", NULL));
  cg_test_iterate ();
  assert_int_equal (cg_session_get_n_partners (f->session), 2);
  assert_int_equal (cg_session_partner_position (f->session, sam), -1);
  assert_int_equal (cg_partner_row_get_partner_id (row_at (f, 1)), jo);
  assert_string_equal (summary (f), "2 partners: 1 relationship to keep alive");

  /* The toast's Undo brings Sam back where he was. */
  assert_true (gtk_widget_activate_action (f->page, "partners.undo-remove", NULL));
  cg_test_iterate ();
  assert_int_equal (cg_session_partner_position (f->session, sam), 1);
  assert_int_equal (cg_partner_row_get_partner_id (row_at (f, 1)), sam);
  assert_string_equal (gtk_editable_get_text (row_entry (row_at (f, 1), "Name")), "Sam");
  assert_string_equal (summary (f), "3 partners: 3 relationships to keep alive");

  /* Once another edit follows the removal, the toast no longer undoes: it
   * would undo the wrong thing. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 2)), "row.remove", NULL));
  cg_test_type (row_entry (row_at (f, 0), "Name"), "Alexandra");
  gtk_widget_activate_action (f->page, "partners.undo-remove", NULL);
  cg_test_iterate ();
  assert_int_equal (cg_session_partner_position (f->session, jo), -1);
  assert_string_equal (cg_session_get_partner (f->session, 0)->name, "Alexandra");
}

/* A group is typed or picked from the suggestions: the usual sectors, then
 * the groups other partners already have ("Council", typed for Sam). */
static void
test_group (void **state)
{
  Fixture *f = *state;
  GtkWidget *button;
  GMenuModel *menu;
  g_autoptr (GPtrArray) offered = g_ptr_array_new_with_free_func (g_free);

  add_by_enter (f, "Alex");
  add_by_enter (f, "Sam");
  cg_test_type (row_entry (row_at (f, 1), "Group (optional)"), "Council");
  assert_string_equal (cg_session_get_partner (f->session, 1)->group, "Council");

  button = cg_test_find (GTK_WIDGET (row_at (f, 0)), GTK_TYPE_MENU_BUTTON, "Suggested groups");
  assert_non_null (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  cg_test_iterate ();
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  assert_non_null (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      char *label = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_ptr_array_add (offered, label);
    }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  assert_int_equal (offered->len, 7);
  assert_string_equal (g_ptr_array_index (offered, 0), "Health");
  assert_string_equal (g_ptr_array_index (offered, 5), "Service user");
  assert_string_equal (g_ptr_array_index (offered, 6), "Council");

  assert_true (
    gtk_widget_activate_action (GTK_WIDGET (row_at (f, 0)), "row.set-group", "s", "Health"));
  assert_string_equal (cg_session_get_partner (f->session, 0)->group, "Health");
  assert_string_equal (gtk_editable_get_text (row_entry (row_at (f, 0), "Group (optional)")),
                       "Health");
  cg_session_undo (f->session);
  assert_string_equal (gtk_editable_get_text (row_entry (row_at (f, 0), "Group (optional)")), "");
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_add, setup, teardown),
    cmocka_unit_test_setup_teardown (test_rename, setup, teardown),
    cmocka_unit_test_setup_teardown (test_group, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reorder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_remove_and_undo, setup, teardown),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

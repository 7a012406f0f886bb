/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ctrl+Z in a text field undoes the session edit, everywhere: real key
 * presses (xdotool, through the X server) typed into a comment, a statement
 * and charter fields of the real window, then Ctrl+Z and Ctrl+Shift+Z. A
 * field that kept GTK's own undo would eat the keys and leave the session
 * as it was. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "app-test-util.h"
#include "cg-partner-row.h"
#include "cg-window.h"

typedef struct
{
  CgSession *session;
  CgWindow *window;
  guint partner;
  guint statement;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->session = cg_session_new ();
  f->partner = cg_session_add_partner (f->session, "Alex Morgan", "Council", "");
  f->statement = cg_session_add_statement (f->session, 0, "We share a purpose");
  cg_session_set_comment (f->session, f->partner, 0, "Good start");
  cg_session_set_answers_hidden (f->session, FALSE);
  /* Last, so typing into a field is not merged into the setup's own edit
   * of that field (the history joins quick edits of one text). */
  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "Undo keys");
  cg_session_set_detail (f->session, CG_DETAIL_FACILITATOR, "Sam");
  f->window = cg_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 780);
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

  gtk_window_destroy (GTK_WINDOW (f->window));
  cg_test_iterate ();
  g_object_unref (f->session);
  g_free (f);
  return 0;
}

static void
xdotool (const char *first,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, "xdotool");
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error))
    fail_msg ("xdotool: %s", error->message);
  assert_int_equal (status, 0);
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/* Gives @field the keyboard, in GTK and in the X server. */
static void
focus_field (Fixture   *f,
             GtkWidget *field)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_autofree char *xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));

  xdotool ("windowfocus", "--sync", xid, NULL);
  assert_true (cg_test_wait_for (is_active, f->window, 5000));
  assert_true (gtk_widget_grab_focus (field));
  /* Typing goes at the end, not over a selection. */
  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_position (GTK_EDITABLE (field), -1);
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
    }
  cg_test_iterate ();
}

static char *
field_text (GtkWidget *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (field))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What the session holds for the field under test. */
typedef const char *(*SessionText) (Fixture *f);

typedef struct
{
  Fixture *f;
  SessionText get;
  GtkWidget *field;
  const char *want;
} Wait;

static gboolean
session_has (gpointer data)
{
  Wait *w = data;

  return g_strcmp0 (w->get (w->f), w->want) == 0;
}

static gboolean
field_has (gpointer data)
{
  Wait *w = data;
  g_autofree char *text = field_text (w->field);

  return g_strcmp0 (text, w->want) == 0;
}

/* Types " xyz" into @field, then Ctrl+Z: the session and the field are back
 * at @before; Ctrl+Shift+Z brings the typing back into the session. */
static void
type_undo_redo (Fixture    *f,
                GtkWidget  *field,
                SessionText get,
                const char *before)
{
  g_autofree char *typed = g_strconcat (before, " xyz", NULL);
  g_autofree char *shown = NULL;
  Wait w = { f, get, field, before };

  assert_non_null (field);
  assert_string_equal (get (f), before);
  assert_true (field_has (&w));
  w.want = typed;
  focus_field (f, field);
  xdotool ("type", "--delay", "30", " xyz", NULL);
  assert_true (cg_test_wait_for (field_has, &w, 5000));

  xdotool ("key", "ctrl+z", NULL);
  w.want = before;
  if (!cg_test_wait_for (session_has, &w, 5000))
    fail_msg ("Ctrl+Z left the session at “%s”", get (f));
  /* The field shows the session's text again (a session that never had
   * the typing would pass the check above, but not this one). */
  cg_test_wait_for (field_has, &w, 2000);
  shown = field_text (field);
  assert_string_equal (shown, before);
  /* The focus stayed in the field, which still takes typing. */
  assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), field) ||
               gtk_root_get_focus (GTK_ROOT (f->window)) == field);

  xdotool ("key", "ctrl+shift+z", NULL);
  w.want = typed;
  if (!cg_test_wait_for (session_has, &w, 5000))
    fail_msg ("Ctrl+Shift+Z left the session at “%s”", get (f));
  assert_true (cg_test_wait_for (field_has, &w, 2000));
}

static const char *
comment_text (Fixture *f)
{
  return cg_session_get_comment (f->session, f->partner, 0);
}

static const char *
statement_text (Fixture *f)
{
  return cg_session_lookup_item (f->session, f->statement)->text;
}

static const char *
partner_name (Fixture *f)
{
  return cg_session_lookup_partner (f->session, f->partner)->name;
}

static const char *
session_title (Fixture *f)
{
  return cg_session_get_detail (f->session, CG_DETAIL_TITLE);
}

static const char *
purpose_text (Fixture *f)
{
  const char *own = cg_session_get_charter_field (f->session, CG_CHARTER_PURPOSE);

  return own != NULL ? own : "";
}

static const char *
charter_title_text (Fixture *f)
{
  const char *own = cg_session_get_charter_field (f->session, CG_CHARTER_TITLE);

  return own != NULL ? own : "";
}

static void
test_comment_field (void **state)
{
  Fixture *f = *state;
  GtkWidget *page;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  cg_test_iterate ();
  page = cg_window_get_page (f->window, CG_STAGE_LESSON_1);
  /* The only text view on a lesson page is the partner's comment box. */
  type_undo_redo (f, cg_test_find (page, GTK_TYPE_TEXT_VIEW, NULL), comment_text, "Good start");
}

static void
test_statement_field (void **state)
{
  Fixture *f = *state;
  GtkWidget *page;
  GtkWidget *entry;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  cg_test_iterate ();
  page = cg_window_get_page (f->window, CG_STAGE_LESSON_1);
  /* The statement's own entry, not the one for adding a new statement. */
  entry = cg_test_find (page, GTK_TYPE_ENTRY, NULL);
  assert_non_null (entry);
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "We share a purpose");
  type_undo_redo (f, entry, statement_text, "We share a purpose");
}

static gboolean
has_two_statements (gpointer data)
{
  return cg_session_get_n_statements (((Fixture *) data)->session, 0) == 2;
}

static gboolean
has_one_statement (gpointer data)
{
  return cg_session_get_n_statements (((Fixture *) data)->session, 0) == 1;
}

/* After adding a statement the focus stays in the add entry: Ctrl+Z there
 * takes the new statement back, instead of being eaten by the entry. */
static void
test_add_entry (void **state)
{
  Fixture *f = *state;
  GtkWidget *add;

  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  cg_test_iterate ();
  add = cg_test_find (cg_window_get_page (f->window, CG_STAGE_LESSON_1), GTK_TYPE_ENTRY,
                      "New statement");
  assert_non_null (add);
  focus_field (f, add);
  xdotool ("type", "--delay", "30", "Trust", NULL);
  xdotool ("key", "Return", NULL);
  assert_true (cg_test_wait_for (has_two_statements, f, 5000));
  xdotool ("key", "ctrl+z", NULL);
  assert_true (cg_test_wait_for (has_one_statement, f, 5000));
  assert_string_equal (cg_session_get_statement (f->session, 0, 0)->text, "We share a purpose");
}

static void
test_charter_fields (void **state)
{
  Fixture *f = *state;
  GtkWidget *page;

  cg_session_set_charter_field (f->session, CG_CHARTER_PURPOSE, "To help families");
  cg_session_set_charter_field (f->session, CG_CHARTER_TITLE, "Our charter");
  cg_window_set_stage (f->window, CG_STAGE_CHARTER);
  cg_test_iterate ();
  page = cg_window_get_page (f->window, CG_STAGE_CHARTER);
  /* The first text view of the charter is its purpose. */
  type_undo_redo (f, cg_test_find (page, GTK_TYPE_TEXT_VIEW, NULL), purpose_text,
                  "To help families");
  type_undo_redo (f, cg_test_find (page, ADW_TYPE_ENTRY_ROW, "Title"), charter_title_text,
                  "Our charter");
}

static void
test_session_and_partner_fields (void **state)
{
  Fixture *f = *state;
  GtkWidget *page = cg_window_get_page (f->window, CG_STAGE_SESSION);
  GtkWidget *row;

  type_undo_redo (f, cg_test_find (page, ADW_TYPE_ENTRY_ROW, "Title"), session_title, "Undo keys");
  cg_window_set_stage (f->window, CG_STAGE_PARTNERS);
  cg_test_iterate ();
  row = cg_test_find (cg_window_get_page (f->window, CG_STAGE_PARTNERS), CG_TYPE_PARTNER_ROW, NULL);
  assert_non_null (row);
  /* A partner row's first entry is the name. */
  type_undo_redo (f, cg_test_find (row, GTK_TYPE_ENTRY, NULL), partner_name, "Alex Morgan");
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_comment_field, setup, teardown),
    cmocka_unit_test_setup_teardown (test_statement_field, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_entry, setup, teardown),
    cmocka_unit_test_setup_teardown (test_charter_fields, setup, teardown),
    cmocka_unit_test_setup_teardown (test_session_and_partner_fields, setup, teardown),
  };
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");

  if (xdotool_path == NULL || !cg_test_init_display ())
    return CG_TEST_SKIP;
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The About window and the Five Vital Lessons help: what they say, and that
 * they belong to the window they were opened from. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-about.h"
#include "cg-window.h"

static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }
  return NULL;
}

static guint
count_headings (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)) == GTK_ACCESSIBLE_ROLE_HEADING)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_headings (child);
  return n;
}

static void
test_about_window (void **state)
{
  GtkWindow *parent = cg_test_window_new (gtk_label_new ("parent"));
  GtkWindow *about;
  g_autofree char *version = NULL;
  g_autofree char *icon = NULL;
  GtkLicense license;

  assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL));
  cg_show_about (parent);
  cg_test_iterate ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  assert_non_null (about);
  g_object_get (about, "version", &version, "license-type", &license, "application-icon", &icon,
                NULL);
  assert_string_equal (version, "0.1.0");
  assert_int_equal (license, GTK_LICENSE_GPL_3_0);
  assert_string_equal (icon, "io.github.commonground.CommonGround");
  assert_ptr_equal (gtk_window_get_transient_for (about), parent);
  assert_true (gtk_window_get_modal (about));

  /* The sources behind the content are credited, first and last. */
  assert_non_null (cg_test_find (GTK_WIDGET (about), G_TYPE_OBJECT,
                                 "Scottish Executive Social Research (2002): the Five Vital "
                                 "Lessons of partnership working"));
  assert_non_null (cg_test_find (GTK_WIDGET (about), G_TYPE_OBJECT,
                                 "What Works Scotland (2015): key considerations for "
                                 "partnership working"));
  gtk_window_destroy (about);
  gtk_window_destroy (parent);
  cg_test_iterate ();
}

static void
test_lessons_help (void **state)
{
  static const char *const headings[] = {
    "1. Purpose and Leadership",   "2. Outcomes and Customer Focus", "3. Culture and Communication",
    "4. Managing for Performance", "5. Learning and Innovation",     "Using the lessons",
  };
  GtkWindow *parent = cg_test_window_new (gtk_label_new ("parent"));
  GtkWindow *help;

  cg_show_lessons_help (parent);
  cg_test_iterate ();
  help = find_toplevel (ADW_TYPE_WINDOW, parent);
  assert_non_null (help);
  assert_string_equal (gtk_window_get_title (help), "About the Five Vital Lessons");
  assert_ptr_equal (gtk_window_get_transient_for (help), parent);

  /* One heading per lesson, in order, plus how to use them; a screen
   * reader can jump between them. */
  assert_int_equal (count_headings (GTK_WIDGET (help)), G_N_ELEMENTS (headings));
  for (gsize i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      GtkWidget *label = cg_test_find (GTK_WIDGET (help), GTK_TYPE_LABEL, headings[i]);

      assert_non_null (label);
      assert_int_equal (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)),
                        GTK_ACCESSIBLE_ROLE_HEADING);
    }

  /* Closing it leaves the parent alone. */
  gtk_widget_activate_action (GTK_WIDGET (help), "window.close", NULL);
  cg_test_iterate ();
  assert_null (find_toplevel (ADW_TYPE_WINDOW, parent));
  assert_true (gtk_widget_get_visible (GTK_WIDGET (parent)));
  gtk_window_destroy (parent);
  cg_test_iterate ();
}

/* The window's menu item and F1 reach the help through win.lessons-help. */
static void
test_window_action (void **state)
{
  g_autoptr (CgSession) session = cg_session_new ();
  CgWindow *window = cg_window_new (NULL);
  GtkWindow *help;

  cg_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_iterate ();
  assert_null (find_toplevel (ADW_TYPE_WINDOW, GTK_WINDOW (window)));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lessons-help", NULL));
  cg_test_iterate ();
  help = find_toplevel (ADW_TYPE_WINDOW, GTK_WINDOW (window));
  assert_non_null (help);
  assert_ptr_equal (gtk_window_get_transient_for (help), GTK_WINDOW (window));
  gtk_window_destroy (help);
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

/* GTK 4.8's own shortcuts window measures one of its labels at -4 px and
 * warns about it (fatal under G_DEBUG=fatal-warnings); nothing of ours is
 * involved. Only that one warning is dropped. */
static GLogWriterOutput
drop_gtk_label_size_warning (GLogLevelFlags   level,
                             const GLogField *fields,
                             gsize            n_fields,
                             gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        strstr (fields[i].value, "GtkLabel") != NULL &&
        strstr (fields[i].value, "reported min width") != NULL)
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

/* The shortcuts window is not built with the main window (it cost a tenth
 * of startup), but the menu item and Ctrl+? (win.shortcuts) build and show
 * it, over the window, every time. */
static void
test_shortcuts_window (void **state)
{
  g_autoptr (CgSession) session = cg_session_new ();
  CgWindow *window = cg_window_new (NULL);
  GtkShortcutsWindow *overlay;

  cg_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_iterate ();
  assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL));
  for (guint round = 0; round < 2; round++)
    {
      assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.shortcuts", NULL));
      cg_test_iterate ();
      overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
      assert_non_null (overlay);
      assert_ptr_equal (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL), GTK_WINDOW (overlay));
      assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
      assert_ptr_equal (gtk_window_get_transient_for (GTK_WINDOW (overlay)), GTK_WINDOW (window));
      gtk_window_close (GTK_WINDOW (overlay));
      cg_test_iterate ();
      assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_about_window),
    cmocka_unit_test (test_lessons_help),
    cmocka_unit_test (test_window_action),
    cmocka_unit_test (test_shortcuts_window),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  g_log_set_writer_func (drop_gtk_label_size_warning, NULL, NULL);
  return cmocka_run_group_tests (tests, NULL, NULL);
}

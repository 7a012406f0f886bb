/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing the charter: the print dialog starts on the Charter page's paper,
 * and GtkPrintOperation's export path gives the same
 * pages as the layout, on the paper the page setup asks for. The two PDF
 * exports, through their file chooser, as a person runs them. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "app-test-util.h"
#include "cg-charter-layout.h"
#include "cg-print.h"
#include "cg-window.h"
#include "charter-fixtures.h"

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (g_strcmp0 (tool, "pdfinfo") == 0)
    argv[2] = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    fail_msg ("%s: %s", tool, error->message);
  assert_int_equal (status, 0);
  return out;
}

static GtkPageSetup *
page_setup_for (const char *paper_name)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) paper = gtk_paper_size_new (paper_name);

  gtk_page_setup_set_paper_size (setup, paper);
  return setup;
}

static void
print_and_check (const char *paper_name,
                 double      width,
                 double      height)
{
  g_autoptr (CgSession) session = charter_fixture_sample ();
  g_autoptr (GtkPageSetup) setup = page_setup_for (paper_name);
  g_autoptr (CgCharterLayout) layout = cg_charter_layout_new (session, width, height, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "charter.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages_line = NULL;
  double w = 0, h = 0;
  const char *size;

  assert_true (cg_print_charter_to_file (session, setup, path, &error));
  assert_null (error);
  assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  info = run_tool ("pdfinfo", path);
  size = strstr (info, "Page size:");
  assert_non_null (size);
  assert_int_equal (sscanf (size, "Page size: %lf x %lf", &w, &h), 2);
  /* GTK's paper sizes are in millimetres: A4 is 595.28 x 841.89 points. */
  assert_true (fabs (w - width) < 0.5 && fabs (h - height) < 0.5);
  /* The print path paginates exactly as the layout does. */
  pages_line = g_strdup_printf ("Pages:           %u\n", cg_charter_layout_get_n_pages (layout));
  assert_non_null (strstr (info, pages_line));

  text = run_tool ("pdftotext", path);
  assert_non_null (strstr (text, "Riverside Family Support Partnership"));
  assert_non_null (strstr (text, "Sam Okafor"));
  assert_non_null (strstr (text, "Children attend school every day"));
  assert_non_null (strstr (text, "Page 1 of"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_print_a4 (void **state)
{
  print_and_check (GTK_PAPER_NAME_A4, 595.276, 841.89);
}

static void
test_print_letter (void **state)
{
  print_and_check (GTK_PAPER_NAME_LETTER, 612.0, 792.0);
}

/* Answers the print dialog once it shows: notes the paper it starts on,
 * then cancels. */
static gboolean
answer_print_dialog (gpointer data)
{
  char **paper = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      g_autoptr (GtkPageSetup) setup = NULL;

      if (!g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") ||
          !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      g_object_get (window, "page-setup", &setup, NULL);
      *paper = g_strdup (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)));
      gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Print Charter (Ctrl+P) opens the print dialog on the paper chosen on the
 * Charter page, as the PDF exports use it, not the locale's (A4 here). */
static void
test_print_dialog_starts_on_charter_paper (void **state)
{
  g_autoptr (CgSession) session = charter_fixture_sample ();
  CgWindow *window = cg_window_new (NULL);
  GtkWidget *page;
  GtkDropDown *paper_choice;
  g_autofree char *letter = NULL;
  g_autofree char *a4 = NULL;

  assert_int_equal (cg_paper_size_for_locale (), CG_PAPER_A4);
  cg_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  cg_window_set_stage (window, CG_STAGE_CHARTER);
  cg_test_iterate ();
  page = cg_window_get_page (window, CG_STAGE_CHARTER);
  paper_choice = GTK_DROP_DOWN (cg_test_find (page, GTK_TYPE_DROP_DOWN, NULL));

  gtk_drop_down_set_selected (paper_choice, 1);
  g_timeout_add (50, answer_print_dialog, &letter);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-charter", NULL));
  assert_string_equal (letter, GTK_PAPER_NAME_LETTER);

  gtk_drop_down_set_selected (paper_choice, 0);
  g_timeout_add (50, answer_print_dialog, &a4);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-charter", NULL));
  assert_string_equal (a4, GTK_PAPER_NAME_A4);

  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

/* The visible GtkFileChooserDialog GTK falls back to for the export's
 * GtkFileChooserNative (no portal here), or NULL. */
static GtkWidget *
visible_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return visible_chooser () != NULL;
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
error_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
chooser_in_folder (gpointer data)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (visible_chooser ()));
  g_autoptr (GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;

  return parent != NULL && g_file_equal (parent, data);
}

/* Runs @action, checks the chooser starts beside the session's file with
 * @suggested for a name, and accepts, as a person would, with the
 * chooser's Export button. */
static void
export_through_dialog (CgWindow   *window,
                       const char *action,
                       const char *suggested,
                       const char *folder)
{
  g_autoptr (GFile) dir = g_file_new_for_path (folder);
  g_autofree char *name = NULL;
  GtkWidget *chooser, *button;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  assert_true (cg_test_wait_for (chooser_shown, NULL, 5000));
  chooser = visible_chooser ();
  assert_int_equal (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)),
                    GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  assert_string_equal (name, suggested);
  assert_true (cg_test_wait_for (chooser_in_folder, dir, 5000));
  button = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  assert_non_null (button);
  assert_string_equal (gtk_button_get_label (GTK_BUTTON (button)), "_Export");
  g_signal_emit_by_name (button, "clicked");
}

/* A window on @session, saved (as far as the window knows) in @folder. */
static CgWindow *
window_with_file_in (CgSession  *session,
                     const char *folder)
{
  CgWindow *window = cg_window_new (NULL);
  g_autofree char *path = g_build_filename (folder, "riverside.commonground", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  cg_session_set_file (session, file);
  cg_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_iterate ();
  return window;
}

static char *
exported_text (const char *path)
{
  char head[5] = { 0 };
  FILE *fp = fopen (path, "rb");

  assert_non_null (fp);
  assert_int_equal (fread (head, 1, 4, fp), 4);
  fclose (fp);
  assert_string_equal (head, "%PDF");
  return run_tool ("pdftotext", path);
}

/* Export Charter as PDF and Export Results Report as PDF, through the
 * file chooser: the suggested names come from the title, the files are
 * whole PDFs with the session in them, and a toast names them. */
static void
test_export_through_dialogs (void **state)
{
  g_autoptr (CgSession) session = charter_fixture_sample ();
  g_autofree char *dir = g_dir_make_tmp ("cg-export-XXXXXX", NULL);
  CgWindow *window = window_with_file_in (session, dir);
  g_autofree char *charter =
    g_build_filename (dir, "Riverside Family Support Partnership - charter.pdf", NULL);
  g_autofree char *report =
    g_build_filename (dir, "Riverside Family Support Partnership - results.pdf", NULL);
  g_autofree char *charter_text = NULL;
  g_autofree char *report_text = NULL;

  export_through_dialog (window, "win.export-charter-pdf",
                         "Riverside Family Support Partnership - charter.pdf", dir);
  assert_true (cg_test_wait_for (file_written, charter, 10000));
  cg_test_iterate ();
  assert_null (visible_chooser ());
  assert_non_null (cg_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                 "Saved “Riverside Family Support Partnership - charter.pdf”"));
  charter_text = exported_text (charter);
  assert_non_null (strstr (charter_text, "Sam Okafor"));
  assert_non_null (strstr (charter_text, "Children attend school every day"));

  export_through_dialog (window, "win.export-report-pdf",
                         "Riverside Family Support Partnership - results.pdf", dir);
  assert_true (cg_test_wait_for (file_written, report, 10000));
  report_text = exported_text (report);
  assert_non_null (strstr (report_text, "Riverside Family Support Partnership"));
  assert_non_null (strstr (report_text, "Sam Okafor"));

  /* Nothing half-written is left beside them. */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    assert_int_equal (n, 2);
  }
  g_unlink (charter);
  g_unlink (report);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

/* A folder no one can write in (not even root): the export says so in a dialog that
 * names the problem, and the window goes on. */
static void
test_export_failure_is_shown (void **state)
{
  g_autoptr (CgSession) session = charter_fixture_sample ();
  CgWindow *window = window_with_file_in (session, "/proc/self");
  AdwMessageDialog *dialog = NULL;

  export_through_dialog (window, "win.export-charter-pdf",
                         "Riverside Family Support Partnership - charter.pdf", "/proc/self");
  assert_true (cg_test_wait_for (error_shown, &dialog, 10000));
  assert_string_equal (adw_message_dialog_get_heading (dialog), "Could Not Export the PDF");
  assert_non_null (strstr (adw_message_dialog_get_body (dialog), "charter.pdf"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cg_test_iterate ();
  assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_print_a4),
    cmocka_unit_test (test_print_letter),
    cmocka_unit_test (test_print_dialog_starts_on_charter_paper),
    cmocka_unit_test (test_export_through_dialogs),
    cmocka_unit_test (test_export_failure_is_shown),
  };

  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  setlocale (LC_ALL, "C.UTF-8");
  /* The file chooser adds what it saves to the recent files, by name. */
  g_set_application_name ("Common Ground");
  g_set_prgname ("common-ground");
  /* Printers from the file backend only: no waiting on a print server. */
  g_setenv ("GTK_PRINT_BACKENDS", "file", TRUE);
  if (!cg_test_init_display () || pdfinfo == NULL)
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

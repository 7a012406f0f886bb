/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing the charter: the print dialog starts on the Charter page's paper,
 * and GtkPrintOperation's export path gives the same
 * pages as the layout, on the paper the page setup asks for. */
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
run_tool (const char *tool, const char *path)
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
print_and_check (const char *paper_name, double width, double height)
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

      if (!g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog")
          || !gtk_widget_get_visible (GTK_WIDGET (window)))
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

int
main (int argc, char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_print_a4),
    cmocka_unit_test (test_print_letter),
    cmocka_unit_test (test_print_dialog_starts_on_charter_paper),
  };

  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  setlocale (LC_ALL, "C.UTF-8");
  /* Printers from the file backend only: no waiting on a print server. */
  g_setenv ("GTK_PRINT_BACKENDS", "file", TRUE);
  if (!cg_test_init_display () || pdfinfo == NULL)
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

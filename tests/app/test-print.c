/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing the charter through GtkPrintOperation's export path: the same
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

int
main (int argc, char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_print_a4),
    cmocka_unit_test (test_print_letter),
  };

  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  setlocale (LC_ALL, "C.UTF-8");
  if (!cg_test_init_display () || pdfinfo == NULL)
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}

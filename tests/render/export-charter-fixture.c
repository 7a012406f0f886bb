/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A test-only exporter: writes the charter (or report) of a session built
 * in code, so the PDF checks run without the XML loader.
 * Usage: export-charter-fixture charter|report sample|stress OUT.pdf [a4|letter] */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cg-charter-layout.h"
#include "cg-report-layout.h"
#include "charter-fixtures.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr (CgSession) session = NULL;
  g_autoptr (GError) error = NULL;
  CgPaperSize paper = CG_PAPER_A4;
  gboolean ok;

  setlocale (LC_ALL, "");
  if (argc < 4 || (argc > 4 && !cg_paper_size_from_string (argv[4], &paper)))
    {
      g_printerr ("usage: %s charter|report sample|stress OUT.pdf [a4|letter]\n", argv[0]);
      return 2;
    }
  session = strcmp (argv[2], "stress") == 0 ? charter_fixture_stress () : charter_fixture_sample ();
  if (strcmp (argv[1], "report") == 0)
    ok = cg_report_export_pdf (session, argv[3], paper, &error);
  else
    ok = cg_charter_export_pdf (session, argv[3], paper, &error);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

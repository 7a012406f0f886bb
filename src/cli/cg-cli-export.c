/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-export.c: --export-charter and --export-report, without a display.
 *
 *   common-ground --export-charter OUT.pdf FILE [--paper=a4|letter] [--since=OLD]
 *   common-ground --export-report OUT.pdf FILE [--paper=a4|letter] [--since=OLD]
 *
 * --since compares FILE with the earlier session OLD: the report gains its
 * "Since last time" pages and the charter's "Still to resolve" names the
 * roles resolved since.
 */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-charter-layout.h"
#include "cg-cli.h"
#include "cg-cli-export.h"
#include "cg-compare.h"
#include "cg-report-layout.h"
#include "cg-session-xml.h"

typedef gboolean (*ExportFunc) (CgSession *session,
                                const char *path,
                                CgPaperSize paper,
                                GError **error);

/* argv[0] is the option itself; then OUT.pdf and FILE in order, and
 * --paper anywhere after the option. */
static gboolean
parse_args (int          argc,
            char       **argv,
            const char **out,
            const char **file,
            CgPaperSize *paper,
            const char **since)
{
  *out = *file = *since = NULL;
  *paper = cg_paper_size_for_locale ();
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--since="))
        *since = argv[i] + strlen ("--since=");
      else if (g_str_equal (argv[i], "--since") && i + 1 < argc)
        *since = argv[++i];
      else if (g_str_has_prefix (argv[i], "--paper="))
        {
          if (!cg_paper_size_from_string (argv[i] + strlen ("--paper="), paper))
            {
              g_printerr (_("%s: unknown paper size “%s” (use a4 or letter)\n"), argv[0],
                          argv[i] + strlen ("--paper="));
              return FALSE;
            }
        }
      else if (*out == NULL)
        *out = argv[i];
      else if (*file == NULL)
        *file = argv[i];
      else
        {
          g_printerr (_("%s: unexpected argument “%s”\n"), argv[0], argv[i]);
          return FALSE;
        }
    }
  if (*file == NULL || (*since != NULL && **since == '\0'))
    {
      g_printerr (_("Usage: common-ground %s OUT.pdf FILE [--paper=a4|letter] [--since=OLD]\n"),
                  argv[0]);
      return FALSE;
    }
  return TRUE;
}

static int
run_export (int        argc,
            char     **argv,
            ExportFunc export)
{
  const char *out, *path, *since;
  CgPaperSize paper;
  g_autoptr (GFile) file = NULL;
  g_autoptr (CgSession) session = NULL;
  g_autoptr (CgSession) earlier = NULL;
  g_autoptr (GBytes) earlier_bytes = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_args (argc, argv, &out, &path, &paper, &since))
    return 2;
  file = g_file_new_for_commandline_arg (path);
  session = cg_session_xml_load_file (file, NULL, &error);
  if (session == NULL)
    {
      cg_cli_print_load_error (path, error);
      return 1;
    }
  if (since != NULL)
    {
      earlier = cg_cli_load_with_bytes (since, &earlier_bytes);
      if (earlier == NULL)
        return 1;
      cg_compare_set_earlier (session, earlier, earlier_bytes);
    }
  if (!export(session, out, paper, &error))
    {
      g_printerr ("%s: %s\n", out, error->message);
      return 1;
    }
  return 0;
}

int
cg_cli_export_charter (int    argc,
                       char **argv)
{
  return run_export (argc, argv, cg_charter_export_pdf);
}

int
cg_cli_export_report (int    argc,
                      char **argv)
{
  return run_export (argc, argv, cg_report_export_pdf);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-check.c: common-ground --check FILE…
 *
 * Loads each file exactly as the app would and prints why it would be
 * refused, as "FILE:LINE:COLUMN: message" on stderr, the form editors and CI
 * understand. Nothing is printed for a good file, except a note (exit
 * status 0) when a newer version made it.
 */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cg-cli.h"
#include "cg-session-xml.h"

static gboolean
check_one (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (CgSession) session = NULL;
  g_autoptr (GError) error = NULL;

  session = cg_session_xml_load_file (file, NULL, &error);
  if (session != NULL)
    {
      /* Good, but worth knowing: this version keeps what it cannot read. */
      if (cg_session_xml_get_newer_minor (session))
        {
          g_printerr ("%s: %s\n", path,
                      _("note: made by a newer version of Common Ground; the parts this "
                         "version does not know are kept and written back when it is saved"));
        }
      return TRUE;
    }
  cg_cli_print_load_error (path, error);
  return FALSE;
}

int
cg_cli_check (int    argc,
              char **argv)
{
  const char *inline_file = strchr (argv[0], '=');
  gboolean ok = TRUE;
  int n = 0;

  if (inline_file != NULL)
    {
      ok = check_one (inline_file + 1) && ok;
      n++;
    }
  for (int i = 1; i < argc; i++, n++)
    ok = check_one (argv[i]) && ok;
  if (n == 0)
    {
      g_printerr ("%s\n", _("Usage: common-ground --check FILE…"));
      return 2;
    }
  return ok ? 0 : 1;
}

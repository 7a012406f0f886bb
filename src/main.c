/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "common-ground"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cg-application.h"
#include "cli/cg-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr (CgApplication) app = NULL;
  const char *localedir = g_getenv ("CG_LOCALEDIR");
  int status = 0;

  /* CG_LOCALEDIR lets an uninstalled build (tests, build-aux/run) find the
   * catalogues that meson builds in build/po/<lang>/LC_MESSAGES. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Command-line work runs before GTK is initialised, so it needs no display. */
  if (cg_cli_run (argc, argv, &status))
    return status;

  app = cg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

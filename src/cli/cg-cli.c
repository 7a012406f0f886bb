/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-cli.h"
#include "cg-cli-export.h"
#include "cg-session-xml.h"

typedef int (*CgCliCommand) (int argc, char **argv);

typedef struct
{
  const char *option; /* the argument that selects the command */
  const char *usage;  /* shown by --help */
  CgCliCommand run;   /* gets argv from the option on */
} CgCliEntry;

static int cli_version (int argc, char **argv);
static int cli_help (int argc, char **argv);

static const CgCliEntry entries[] = {
  { "--version", "--version", cli_version },
  { "--check", "--check FILE", cg_cli_check },
  { "--report", "--report FILE [--format=text|csv|json]", cg_cli_report },
  { "--export-csv", "--export-csv OUT.csv FILE", cg_cli_export_csv },
  { "--export-charter", "--export-charter OUT.pdf FILE [--paper=a4|letter] [--since=OLD]",
    cg_cli_export_charter },
  { "--export-report", "--export-report OUT.pdf FILE [--paper=a4|letter] [--since=OLD]",
    cg_cli_export_report },
  { "--new-round", "--new-round OLD NEW", cg_cli_new_round },
  { "--compare", "--compare OLD NEW [--format=text|csv|json]", cg_cli_compare },
  { "--serve", "--serve FILE [--bind ADDRESS] [--port N]", cg_cli_serve },
  { "--help", "--help", cli_help },
  { "-h", NULL, cli_help },
};

static int
cli_version (int    argc,
             char **argv)
{
  g_print ("common-ground %s\n", PACKAGE_VERSION);
  return 0;
}

static int
cli_help (int    argc,
          char **argv)
{
  g_print ("%s\n", _("Usage: common-ground [FILE…]"));
  g_print ("%s\n\n", _("Common Ground runs facilitated partnership workshops."));
  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    if (entries[i].usage != NULL)
      g_print ("  common-ground %s\n", entries[i].usage);
  return 0;
}

void
cg_cli_print_load_error (const char   *path,
                         const GError *error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *base = g_file_get_basename (file);
  gsize n = base != NULL ? strlen (base) : 0;

  if (error->domain != CG_SESSION_XML_ERROR)
    g_printerr ("%s:1:1: %s\n", path, error->message);
  else if (n > 0 && strncmp (error->message, base, n) == 0 && error->message[n] == ':')
    g_printerr ("%s%s\n", path, error->message + n);
  else
    g_printerr ("%s\n", error->message);
}

gboolean
cg_cli_run (int    argc,
            char **argv,
            int   *exit_status)
{
  g_return_val_if_fail (exit_status != NULL, FALSE);

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      for (gsize e = 0; e < G_N_ELEMENTS (entries); e++)
        if (strcmp (argv[i], entries[e].option) == 0 ||
            (g_str_has_prefix (argv[i], entries[e].option) &&
             argv[i][strlen (entries[e].option)] == '='))
          {
            *exit_status = entries[e].run (argc - i, argv + i);
            return TRUE;
          }
    }
  return FALSE;
}

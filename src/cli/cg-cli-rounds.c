/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-rounds.c: common-ground --new-round OLD NEW.
 *
 * The digest in the new round's baseline is of OLD's bytes exactly as read
 * here, so a later --compare OLD NEW can tell whether OLD changed since.
 */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-cli.h"
#include "cg-session-xml.h"

CgSession *
cg_cli_load_with_bytes (const char *path,
                        GBytes    **bytes_out)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr (GFileInfo) info =
    g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  CgSession *session = NULL;

  /* Never read a huge file whole: the loader refuses it with its own words. */
  if (info == NULL || g_file_info_get_size (info) > CG_SESSION_XML_MAX_SIZE)
    session = cg_session_xml_load_file (file, NULL, &error);
  else if ((bytes = g_file_load_bytes (file, NULL, NULL, &error)) != NULL)
    session = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        base, &error);
  if (session == NULL || bytes == NULL)
    {
      if (session == NULL)
        cg_cli_print_load_error (path, error);
      g_clear_object (&session);
      return NULL;
    }
  if (bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);
  return session;
}

static int
new_round_usage (void)
{
  g_printerr ("%s\n", _("Usage: common-ground --new-round OLD NEW"));
  return 2;
}

int
cg_cli_new_round (int    argc,
                  char **argv)
{
  const char *old_path = strchr (argv[0], '=') != NULL ? strchr (argv[0], '=') + 1 : NULL;
  const char *new_path = NULL;
  g_autoptr (CgSession) earlier = NULL;
  g_autoptr (CgSession) round = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) out = NULL;
  g_autoptr (GError) error = NULL;
  int i = 1;

  if (old_path == NULL && i < argc)
    old_path = argv[i++];
  if (i < argc)
    new_path = argv[i++];
  if (old_path == NULL || *old_path == '\0' || new_path == NULL || *new_path == '\0' || i != argc)
    return new_round_usage ();
  earlier = cg_cli_load_with_bytes (old_path, &bytes);
  if (earlier == NULL)
    return 1;
  round = cg_session_new_round (earlier, old_path, bytes);
  out = g_file_new_for_commandline_arg (new_path);
  /* The new session has no etag: saving with the check refuses to
   * overwrite a file that is already there. */
  if (!cg_session_xml_save_file (round, out, TRUE, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_printerr (
          _("“%s” already exists; the new round was not written. Choose another name.\n"),
          new_path);
      else
        g_printerr (_("Could not write the new round to “%s”: %s\n"), new_path, error->message);
      return 1;
    }
  return 0;
}

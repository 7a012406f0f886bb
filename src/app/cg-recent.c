/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-recent"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-recent.h"

void
cg_recent_add (GFile *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .mime_type = (char *) CG_SESSION_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "common-ground %u",
  };

  g_return_if_fail (G_IS_FILE (file));

  /* The MIME type is given, not guessed: uninstalled, the system would
   * call our files plain XML. */
  uri = g_file_get_uri (file);
  if (data.app_name == NULL)
    data.app_name = (char *) "Common Ground";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static gboolean
is_session (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  if (g_strcmp0 (gtk_recent_info_get_mime_type (info), CG_SESSION_MIME_TYPE) != 0 &&
      !g_str_has_suffix (uri, ".commonground"))
    return FALSE;
  /* A session that was moved or deleted would only give an error. */
  return !gtk_recent_info_is_local (info) || gtk_recent_info_exists (info);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  GtkRecentInfo *x = *(GtkRecentInfo **) a;
  GtkRecentInfo *y = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (y), gtk_recent_info_get_modified (x));
}

/* Menu labels read "_" as a mnemonic: a file name keeps its own. */
static char *
escape_mnemonics (const char *name)
{
  g_auto (GStrv) parts = g_strsplit (name, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
rebuild (GMenu *menu)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr (GPtrArray) sessions = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    if (is_session (l->data))
      g_ptr_array_add (sessions, l->data);
  g_ptr_array_sort (sessions, newest_first);

  g_menu_remove_all (menu);
  for (guint i = 0; i < sessions->len && i < CG_RECENT_MAX_ITEMS; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (sessions, i);
      g_autofree char *label = escape_mnemonics (gtk_recent_info_get_display_name (info));
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (menu, item);
    }
  if (sessions->len == 0)
    /* No action: shown, greyed out, so the submenu never looks broken. */
    g_menu_append (menu, _("No Recent Sessions"), NULL);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

GMenuModel *
cg_recent_get_menu (void)
{
  static GMenu *menu = NULL;

  if (menu == NULL)
    {
      menu = g_menu_new ();
      g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed", G_CALLBACK (rebuild),
                                menu);
      rebuild (menu);
    }
  return G_MENU_MODEL (menu);
}

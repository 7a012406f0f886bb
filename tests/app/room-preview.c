/* SPDX-License-Identifier: GPL-3.0-or-later */
/* room-preview: the main window on a sample with the room's popover up, or
 * the presentation view, for looking at them (ui-look). Not installed.
 *   room-preview FILE popover|present [open] [seats] [STAGE]
 * seats: two partners join over HTTP, the first answers one statement.
 */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cg-session-xml.h"
#include "cg-window.h"

static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *name)
{
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), NULL) != 0 &&
      g_str_has_prefix (gtk_widget_get_tooltip_text (root), name))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_menu_button (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
popup_cb (gpointer data)
{
  CgWindow *window = data;
  GtkWidget *button = find_menu_button (GTK_WIDGET (window), "Let partners")
                        ?: find_menu_button (GTK_WIDGET (window), "The room is open");

  if (button != NULL)
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  return G_SOURCE_REMOVE;
}

/* "seats": the first two partners join from a "phone" (this process, over
 * HTTP), and the first answers the current stage's first statement. */
typedef struct
{
  SoupSession *client;
  CgRoom *room;
  CgSession *session;
  guint partner;
} Phone;

static void
on_answered (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr (GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
}

static void
on_claimed (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Phone *phone = data;
  g_autoptr (GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  g_autofree char *text =
    body ? g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body)) : NULL;
  const char *seat = text ? strstr (text, "\"seat\"") : NULL;
  CgStage stage = cg_session_get_current_stage (phone->session);
  g_autofree char *url = NULL;
  g_autofree char *json = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) bytes = NULL;
  char *end;

  if (seat == NULL || phone->partner != 0 || !CG_STAGE_IS_LESSON (stage) ||
      cg_session_get_n_statements (phone->session, CG_LESSON_FOR_STAGE (stage)) == 0)
    return;
  seat = strchr (seat + 6, '"') + 1;
  end = strchr (seat, '"');
  *end = '\0';
  url = g_strconcat (cg_room_get_url (phone->room), "/api/answer", NULL);
  json =
    g_strdup_printf ("{\"item\": \"s%u\", \"value\": 4}",
                     cg_session_get_statement (phone->session, CG_LESSON_FOR_STAGE (stage), 0)->id);
  msg = soup_message_new ("POST", url);
  bytes = g_bytes_new (json, strlen (json));
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Seat", seat);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_session_send_and_read_async (phone->client, msg, G_PRIORITY_DEFAULT, NULL, on_answered,
                                    NULL);
}

static void
join_phones (CgWindow *window)
{
  CgRoom *room = cg_window_get_room (window);
  CgSession *session = cg_window_get_session (window);
  SoupSession *client = soup_session_new ();

  for (guint i = 0; i < MIN (2, cg_session_get_n_partners (session)); i++)
    {
      Phone *phone = g_new0 (Phone, 1);
      g_autofree char *url = g_strconcat (cg_room_get_url (room), "/api/claim", NULL);
      g_autofree char *json =
        g_strdup_printf ("{\"partner\": \"p%u\"}", cg_session_get_partner (session, i)->id);
      g_autoptr (SoupMessage) msg = soup_message_new ("POST", url);
      g_autoptr (GBytes) bytes = g_bytes_new (json, strlen (json));

      *phone = (Phone){ client, room, session, i };
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      soup_session_send_and_read_async (client, msg, G_PRIORITY_DEFAULT, NULL, on_claimed, phone);
    }
}

static void
activate (GtkApplication *app,
          char          **argv)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[1]);
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) session = cg_session_xml_load_file (file, NULL, &error);
  CgWindow *window;
  CgStage stage;

  if (session == NULL)
    g_error ("%s", error->message);
  window = cg_window_new (NULL);
  gtk_window_set_application (GTK_WINDOW (window), app);
  cg_window_set_session (window, session);
  for (int i = 3; argv[i] != NULL; i++)
    if (cg_stage_from_string (argv[i], &stage))
      cg_window_set_stage (window, stage);
  gtk_window_present (GTK_WINDOW (window));
  if (g_strv_contains ((const char *const *) argv, "open"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.room-open", NULL);
  if (g_strv_contains ((const char *const *) argv, "seats"))
    join_phones (window);
  if (g_str_equal (argv[2], "present"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  else
    g_timeout_add (500, popup_cb, window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (AdwApplication) app = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: room-preview FILE popover|present [open] [STAGE]\n");
      return 2;
    }
  /* The app's own id, so libadwaita loads its style.css. */
  app = adw_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), argv);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-window-room.c: the main window's room, partners answering from their
 * phones (ROOM.md). The window owns one CgRoom for the session it shows:
 * a new, closed room for every session, so opening a file never opens the
 * room, and New, Open or closing the window closes it. The header bar's
 * Room button opens the popover that drives these actions:
 * win.room-open, win.room-close, win.room-lock (a switch),
 * win.room-free-seat (a partner id, "p3"). */
#define G_LOG_DOMAIN "cg-window"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-room-popover.h"
#include "cg-window-private.h"

CgRoom *
cg_window_get_room (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return self->room;
}

static void
toast (CgWindow   *self,
       const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_room_actions (CgWindow *self)
{
  gboolean open = self->room != NULL && cg_room_is_open (self->room);
  gboolean locked = self->room != NULL && cg_room_get_locked (self->room);
  GAction *lock = g_action_map_lookup_action (G_ACTION_MAP (self), "room-lock");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.room-open", self->room && !open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.room-close", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.room-free-seat", open);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lock), open);
  g_simple_action_set_state (G_SIMPLE_ACTION (lock), g_variant_new_boolean (locked));
}

/* The button says in words whether the room is open, not by colour. */
static void
update_room_button (CgWindow *self)
{
  gboolean open = self->room != NULL && cg_room_is_open (self->room);

  gtk_label_set_text (self->room_button_label, open ? _("Room Open") : _("Room"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->room_button),
                               open ? _("The room is open: partners answer on their phones")
                                    : _("Let partners answer on their own phones"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->room_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  open ? _("The room is open") : _("The room is closed"), -1);
  if (open)
    gtk_widget_add_css_class (GTK_WIDGET (self->room_button), "room-open");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->room_button), "room-open");
}

static void
on_room_state (CgWindow *self)
{
  update_room_actions (self);
  update_room_button (self);
}

/* A closed room whose phones have not yet been sent their last bytes
 * ("room-closed"), kept alive with the application until they are. */
typedef struct
{
  GApplication *app;
  CgRoom *room;
  gint64 deadline;
} FlushWait;

#define FLUSH_LIMIT_US (1 * G_USEC_PER_SEC)
#define FLUSH_POLL_MS 10

static gboolean
flush_wait_tick (gpointer user_data)
{
  FlushWait *wait = user_data;

  if (cg_room_is_flushing (wait->room) && g_get_monotonic_time () < wait->deadline)
    return G_SOURCE_CONTINUE;
  g_object_unref (wait->room);
  g_application_release (wait->app);
  g_object_unref (wait->app);
  g_free (wait);
  return G_SOURCE_REMOVE;
}

/* Without this, closing the last window quit at once: the "room-closed"
 * event was queued but never written, and phones said "No connection"
 * instead of "The room has closed" (as `--serve` does, see cg-cli-serve.c).
 * A phone that does not read holds the application at most FLUSH_LIMIT_US. */
static void
hold_until_flushed (CgRoom *room)
{
  GApplication *app = g_application_get_default ();
  FlushWait *wait;

  if (app == NULL || !cg_room_is_flushing (room))
    return;
  wait = g_new0 (FlushWait, 1);
  wait->app = g_object_ref (app);
  wait->room = g_object_ref (room);
  wait->deadline = g_get_monotonic_time () + FLUSH_LIMIT_US;
  g_application_hold (app);
  g_timeout_add (FLUSH_POLL_MS, flush_wait_tick, wait);
}

static void
close_room (CgWindow *self)
{
  if (self->room == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->room, self);
  cg_room_close (self->room);
  hold_until_flushed (self->room);
  g_clear_object (&self->room);
}

/* Called before the window announces its new session, so whoever follows
 * "session" (the presentation view) finds the new room already there. */
void
_cg_window_room_set_session (CgWindow  *self,
                             CgSession *session)
{
  if (self->room != NULL && session != NULL && cg_room_get_session (self->room) == session)
    return;
  close_room (self);
  if (session != NULL)
    {
      self->room = cg_room_new (session);
      g_signal_connect_object (self->room, "notify::open", G_CALLBACK (on_room_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->room, "notify::locked", G_CALLBACK (on_room_state), self,
                               G_CONNECT_SWAPPED);
    }
  cg_room_popover_set_room (self->room_popover, self->room);
  on_room_state (self);
}

static void
room_open_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->room == NULL || cg_room_is_open (self->room))
    return;
  if (cg_room_open (self->room, cg_room_popover_get_address (self->room_popover), CG_ROOM_PORT,
                    &error))
    return;
  g_debug ("The room did not open: %s", error->message);
  message = g_strdup_printf (_("The room could not open: %s"), error->message);
  toast (self, message);
}

static void
room_close_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->room != NULL)
    cg_room_close (self->room);
}

static void
room_free_seat_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->room != NULL)
    cg_room_free_seat (self->room, g_variant_get_string (param, NULL));
}

static void
room_lock_change (GSimpleAction *action,
                  GVariant      *value,
                  gpointer       user_data)
{
  CgWindow *self = user_data;

  if (self->room != NULL)
    cg_room_set_locked (self->room, g_variant_get_boolean (value));
}

void
_cg_window_class_init_room (GtkWidgetClass *widget_class)
{
  g_type_ensure (CG_TYPE_ROOM_POPOVER);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, room_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, room_button_label);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, room_popover);
  gtk_widget_class_install_action (widget_class, "win.room-open", NULL, room_open_action);
  gtk_widget_class_install_action (widget_class, "win.room-close", NULL, room_close_action);
  gtk_widget_class_install_action (widget_class, "win.room-free-seat", "s", room_free_seat_action);
}

void
_cg_window_room_init (CgWindow *self)
{
  g_autoptr (GSimpleAction) lock = NULL;

  /* A switch needs a stateful action; class actions have no state. */
  lock = g_simple_action_new_stateful ("room-lock", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (lock, "change-state", G_CALLBACK (room_lock_change), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (lock));
  on_room_state (self);
}

void
_cg_window_room_dispose (CgWindow *self)
{
  close_room (self);
  if (self->room_popover != NULL)
    cg_room_popover_set_room (self->room_popover, NULL);
}

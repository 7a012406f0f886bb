/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-room-popover"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-qr-widget.h"
#include "cg-room-popover.h"

struct _CgRoomPopover
{
  GtkPopover parent_instance;

  /* Template widgets */
  GtkLabel *status_label;
  GtkWidget *address_box;
  GtkDropDown *address_dropdown;
  GtkLabel *address_note;
  GtkWidget *open_button;
  GtkWidget *open_box;
  GtkWidget *close_button;
  GtkWidget *copy_button;
  CgQrWidget *qr;
  GtkLabel *url_label;
  GtkLabel *key_label;
  GtkLabel *lock_state;
  GtkListBox *seat_list;

  /* Owned */
  CgRoom *room;
  CgSession *session;
  GStrv addresses; /* NULL until first read */
  guint update_id;
};

G_DEFINE_FINAL_TYPE (CgRoomPopover, cg_room_popover, GTK_TYPE_POPOVER)

/* "p3" is partner 3, as in the session file and the room's API. */
static char *
partner_key (const CgPartner *partner)
{
  return g_strdup_printf ("p%u", partner->id);
}

static char *
format_time (gint64 usec)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  /* Translators: the time a partner joined or answered, as hours and
   * minutes (strftime format). */
  return dt != NULL ? g_date_time_format (dt, _("%H:%M")) : g_strdup ("?");
}

static const CgRoomSeat *
find_seat (GPtrArray  *seats,
           const char *key)
{
  for (guint i = 0; i < seats->len; i++)
    {
      const CgRoomSeat *seat = g_ptr_array_index (seats, i);

      if (g_strcmp0 (seat->partner_id, key) == 0)
        return seat;
    }
  return NULL;
}

/* Two short lines, "Joined at 10:42" and "Last answer at 10:47", in words
 * a screen reader reads as they are. */
static char *
seat_status (const CgRoomSeat *seat,
             gboolean          second_line)
{
  g_autofree char *time = NULL;

  if (seat == NULL)
    return second_line ? NULL : g_strdup (_("Not joined"));
  if (!second_line)
    {
      time = format_time (seat->joined_at);
      return g_strdup_printf (_("Joined at %s"), time);
    }
  if (seat->last_answer_at == 0)
    return g_strdup (_("No answer yet"));
  time = format_time (seat->last_answer_at);
  return g_strdup_printf (_("Last answer at %s"), time);
}

/* A wrapping label whose natural width is its minimum: the seat list is
 * measured at its natural width and laid out wider, so its rows are never
 * taller than measured (they were, and the last row hid under the list's
 * edge). */
static GtkWidget *
row_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
free_button (const CgPartner *partner,
             const char      *key)
{
  GtkWidget *button = gtk_button_new_with_label (_("Free Seat"));
  /* Translators: the button that frees a seat, for screen readers and as
   * its tooltip; %s is the partner's name. */
  g_autofree char *name = g_strdup_printf (_("Free the seat of %s"), partner->name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.room-free-seat");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key);
  return button;
}

static GtkWidget *
seat_row (const CgPartner  *partner,
          const CgRoomSeat *seat)
{
  g_autofree char *key = partner_key (partner);
  g_autofree char *status = seat_status (seat, FALSE);
  g_autofree char *answered = seat_status (seat, TRUE);
  g_autofree char *a11y = answered != NULL
                            ? g_strdup_printf ("%s: %s, %s", partner->name, status, answered)
                            : g_strdup_printf ("%s: %s", partner->name, status);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), row_label (partner->name, "partner-name"));
  gtk_box_append (GTK_BOX (text), row_label (status, "dim-label"));
  if (answered != NULL)
    gtk_box_append (GTK_BOX (text), row_label (answered, "dim-label"));
  gtk_box_append (GTK_BOX (box), text);
  if (seat != NULL)
    gtk_box_append (GTK_BOX (box), free_button (partner, key));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

/* Every partner, joined or not: the facilitator sees who is still
 * missing. Returns how many have a seat. */
static guint
fill_seats (CgRoomPopover *self)
{
  g_autoptr (GPtrArray) seats = cg_room_dup_seats (self->room);
  GtkWidget *child;
  guint joined = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->seat_list))) != NULL)
    gtk_list_box_remove (self->seat_list, child);
  for (guint i = 0; i < cg_session_get_n_partners (self->session); i++)
    {
      const CgPartner *partner = cg_session_get_partner (self->session, i);
      g_autofree char *key = partner_key (partner);
      const CgRoomSeat *seat = find_seat (seats, key);

      joined += seat != NULL;
      gtk_list_box_append (self->seat_list, seat_row (partner, seat));
    }
  return joined;
}

static gboolean
on_loopback (CgRoomPopover *self)
{
  const char *url = cg_room_get_url (self->room);

  if (url != NULL)
    return g_str_has_prefix (url, "http://" CG_ROOM_FALLBACK_ADDRESS ":");
  return g_strcmp0 (cg_room_popover_get_address (self), CG_ROOM_FALLBACK_ADDRESS) == 0;
}

static void
update_address (CgRoomPopover *self,
                gboolean       open)
{
  guint n = self->addresses != NULL ? g_strv_length (self->addresses) : 0;

  /* A choice only when there is one to make, and only before opening:
   * the key and the URL belong to the address the room listens on. */
  gtk_widget_set_visible (self->address_box, !open && n > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->address_note), on_loopback (self));
  gtk_label_set_text (self->address_note,
                      _("No network found, so only this laptop can reach the room "
                         "(127.0.0.1). Connect to a network or turn on this laptop's hotspot, "
                         "then open the room again."));
}

static void
update_open (CgRoomPopover *self)
{
  g_autofree char *key = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *status = NULL;
  guint joined = fill_seats (self);
  guint total = cg_session_get_n_partners (self->session);
  gboolean locked = cg_room_get_locked (self->room);

  key = cg_room_format_key (cg_room_get_key (self->room));
  key_text = g_strdup_printf (_("Room key: %s"), key);
  cg_qr_widget_set_text (self->qr, cg_room_get_url (self->room));
  gtk_label_set_text (self->url_label, cg_room_get_url (self->room));
  gtk_label_set_text (self->key_label, key_text);
  gtk_label_set_text (self->lock_state,
                      locked ? _("Locked: no new phones can join") : _("New phones can join"));
  status = g_strdup_printf (ngettext ("Open: %u of %u partner has joined from a phone.",
                                      "Open: %u of %u partners have joined from a phone.", total),
                            joined, total);
  gtk_label_set_text (self->status_label, status);
}

/* GTK 4.8's popover measures its child's height for the popover's own
 * width, shadow and arrow included, which is wider than the child gets:
 * wrapped text came out a line or two short and the last button was cut
 * off. The child asks for the height it needs at the width it will have. */
static void
fix_height (CgRoomPopover *self)
{
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (self));
  int width = 0, height = 0;

  gtk_widget_set_size_request (child, -1, -1);
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  /* The request excludes the margins the measure included. */
  height -= gtk_widget_get_margin_top (child) + gtk_widget_get_margin_bottom (child);
  gtk_widget_set_size_request (child, -1, height);
}

static void
update (CgRoomPopover *self)
{
  gboolean open = self->room != NULL && cg_room_is_open (self->room);

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_set_visible (self->open_button, !open);
  gtk_widget_set_visible (self->open_box, open);
  if (self->room == NULL)
    {
      gtk_label_set_text (self->status_label, _("Open a session first."));
      return;
    }
  update_address (self, open);
  if (open)
    update_open (self);
  else
    {
      cg_qr_widget_set_text (self->qr, NULL);
      gtk_label_set_text (self->status_label,
                          _("Closed. Open the room and the partners answer on their own "
                             "phones, all at the same time."));
    }
  fix_height (self);
}

static gboolean
update_cb (gpointer data)
{
  update (data);
  return G_SOURCE_REMOVE;
}

/* Seats change with every answer from a phone (the last answer time): a
 * burst of them is one rebuild, and none while the popover is closed. */
static void
queue_update (CgRoomPopover *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_cb, self);
}

/* Opening and closing change what the popover is for: at once. */
static void
on_room_open (CgRoomPopover *self)
{
  update (self);
}

static void
on_session_changed (CgSession     *session,
                    CgChangeKind   kind,
                    guint          a,
                    guint          b,
                    CgRoomPopover *self)
{
  switch (kind)
    {
    case CG_CHANGE_PARTNER_ADDED:
    case CG_CHANGE_PARTNER_REMOVED:
    case CG_CHANGE_PARTNER:
    case CG_CHANGE_PARTNERS_MOVED:
    case CG_CHANGE_ALL: queue_update (self); break;
    default: break;
    }
}

void
cg_room_popover_reload_addresses (CgRoomPopover *self)
{
  g_autoptr (GtkStringList) model = NULL;

  g_autofree char *chosen = NULL;
  guint selected = 0;

  g_return_if_fail (CG_IS_ROOM_POPOVER (self));

  /* The facilitator's choice stands while that network is still there. */
  if (self->addresses != NULL && self->addresses[0] != NULL)
    chosen = g_strdup (cg_room_popover_get_address (self));
  g_clear_pointer (&self->addresses, g_strfreev);
  self->addresses = cg_room_list_addresses ();
  for (guint i = 0; chosen != NULL && self->addresses[i] != NULL; i++)
    if (g_str_equal (self->addresses[i], chosen))
      selected = i;
  model = gtk_string_list_new ((const char *const *) self->addresses);
  gtk_drop_down_set_model (self->address_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->address_dropdown, selected);
}

const char *
cg_room_popover_get_address (CgRoomPopover *self)
{
  guint selected;

  g_return_val_if_fail (CG_IS_ROOM_POPOVER (self), CG_ROOM_FALLBACK_ADDRESS);

  if (self->addresses == NULL)
    cg_room_popover_reload_addresses (self);
  selected = gtk_drop_down_get_selected (self->address_dropdown);
  if (self->addresses[0] == NULL)
    return CG_ROOM_FALLBACK_ADDRESS;
  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (self->addresses))
    selected = 0;
  return self->addresses[selected];
}

void
cg_room_popover_set_room (CgRoomPopover *self,
                          CgRoom        *room)
{
  g_return_if_fail (CG_IS_ROOM_POPOVER (self));
  g_return_if_fail (room == NULL || CG_IS_ROOM (room));

  if (self->room == room)
    return;
  if (self->room != NULL)
    g_signal_handlers_disconnect_by_data (self->room, self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_set_object (&self->room, room);
  if (room != NULL)
    {
      self->session = g_object_ref (cg_room_get_session (room));
      g_signal_connect_object (room, "notify::open", G_CALLBACK (on_room_open), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (room, "notify::url", G_CALLBACK (queue_update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (room, "notify::locked", G_CALLBACK (queue_update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (room, "seats-changed", G_CALLBACK (queue_update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed), self, 0);
    }
  update (self);
}

CgRoom *
cg_room_popover_get_room (CgRoomPopover *self)
{
  g_return_val_if_fail (CG_IS_ROOM_POPOVER (self), NULL);
  return self->room;
}

static void
on_copy_clicked (CgRoomPopover *self,
                 GtkButton     *button)
{
  const char *url = self->room != NULL ? cg_room_get_url (self->room) : NULL;

  if (url != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), url);
}

/* Networks come and go (a hotspot turned on): read them again each time
 * the facilitator looks, unless the room already listens on one. Before
 * the popover is shown, so it is sized for what it shows. */
static void
cg_room_popover_show (GtkWidget *widget)
{
  CgRoomPopover *self = CG_ROOM_POPOVER (widget);

  if (self->room == NULL || !cg_room_is_open (self->room))
    cg_room_popover_reload_addresses (self);
  update (self);
  GTK_WIDGET_CLASS (cg_room_popover_parent_class)->show (widget);
}

static void
cg_room_popover_dispose (GObject *object)
{
  CgRoomPopover *self = CG_ROOM_POPOVER (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  cg_room_popover_set_room (self, NULL);
  G_OBJECT_CLASS (cg_room_popover_parent_class)->dispose (object);
}

static void
cg_room_popover_finalize (GObject *object)
{
  CgRoomPopover *self = CG_ROOM_POPOVER (object);

  g_clear_pointer (&self->addresses, g_strfreev);
  G_OBJECT_CLASS (cg_room_popover_parent_class)->finalize (object);
}

static void
cg_room_popover_class_init (CgRoomPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_room_popover_dispose;
  object_class->finalize = cg_room_popover_finalize;
  widget_class->show = cg_room_popover_show;

  g_type_ensure (CG_TYPE_QR_WIDGET);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-room-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, status_label);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, address_box);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, address_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, address_note);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, open_button);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, open_box);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, close_button);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, qr);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, url_label);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, key_label);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, lock_state);
  gtk_widget_class_bind_template_child (widget_class, CgRoomPopover, seat_list);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
}

/* A button with a mnemonic is named twice over in GTK 4.8 ("_Open the
 * Room Open the Room": its raw label and its label child); screen readers
 * get the words once. */
static void
name_once (GtkWidget *button)
{
  g_autofree char *name = NULL;
  const char *label = gtk_button_get_label (GTK_BUTTON (button));
  char *u;

  name = g_strdup (label);
  if ((u = strchr (name, '_')) != NULL)
    memmove (u, u + 1, strlen (u));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
cg_room_popover_init (CgRoomPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_once (self->open_button);
  name_once (self->close_button);
  name_once (self->copy_button);
  update (self);
}

GtkWidget *
cg_room_popover_new (void)
{
  return g_object_new (CG_TYPE_ROOM_POPOVER, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-popover.h: the header bar's Room popover.
 *
 * Opens and closes the room (win.room-open, win.room-close), shows how to
 * join while it is open (the join URL as text and as a QR code, the room
 * key grouped for typing), lets the facilitator choose the network when
 * the laptop has several, warns that the room is plain HTTP, and lists the
 * seats: every partner, whether they joined from a phone and when they last
 * answered, with a Free Seat button each (win.room-free-seat) and a Lock
 * switch (win.room-lock). The window owns the room and the actions; this
 * shows them.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-room.h"

G_BEGIN_DECLS

#define CG_TYPE_ROOM_POPOVER (cg_room_popover_get_type ())
G_DECLARE_FINAL_TYPE (CgRoomPopover, cg_room_popover, CG, ROOM_POPOVER, GtkPopover)

/* Port of a newly opened room, or the next free one (ROOM.md). */
#define CG_ROOM_PORT 8421
/* Where the room listens when this laptop has no network. */
#define CG_ROOM_FALLBACK_ADDRESS "127.0.0.1"

GtkWidget *cg_room_popover_new (void);
void cg_room_popover_set_room (CgRoomPopover *self, CgRoom *room);
CgRoom *cg_room_popover_get_room (CgRoomPopover *self);
/* The address the room should open on: the network chosen, by default
 * the first non-loopback address, else CG_ROOM_FALLBACK_ADDRESS. */
const char *cg_room_popover_get_address (CgRoomPopover *self);
/* Reads this laptop's addresses again (done each time the popover opens
 * while the room is closed). */
void cg_room_popover_reload_addresses (CgRoomPopover *self);

G_END_DECLS

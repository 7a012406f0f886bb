/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-presentation-room.h: the room on the presentation view.
 *
 * While the room is open and the stage shown has no answers yet, the view
 * shows how to join: the QR code large (modules of at least
 * CG_PRESENTATION_QR_MIN_MODULE pixels and the 4-module quiet zone), the
 * join URL and the room key grouped for typing. Once answers arrive on a
 * capture stage (a lesson, Aims, Role Clarity) it says instead, under the
 * item, how many partners have answered ("5 of 8 have answered"): a count
 * of people, never an answer, so hidden answers stay hidden. Review and
 * Charter show neither: the room is looking at results there.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-qr-widget.h"
#include "cg-room.h"

G_BEGIN_DECLS

/* A camera reads a code across a room when each module is a few pixels of
 * the projector at least; 8 keeps it readable on a 720-line projector. */
#define CG_PRESENTATION_QR_MIN_MODULE 8

typedef struct
{
  /* Borrowed: the view's template widgets */
  GtkLabel *answered_label;
  GtkWidget *join_box;
  CgQrWidget *join_qr;
  GtkLabel *join_url_label;
  GtkLabel *join_key_label;

  /* Owned */
  CgRoom *room;
} CgPresentationRoom;

/* Shows what the room needs for @stage of @session now; @base_px is the
 * view's base text size, which sizes the code. */
void cg_presentation_room_update (CgPresentationRoom *pr,
                                  CgSession *session,
                                  CgStage stage,
                                  int base_px);
/* "5 of 8 have answered" (free it). */
char *cg_presentation_room_answered_text (guint answered, guint total);
void cg_presentation_room_clear (CgPresentationRoom *pr);

G_END_DECLS

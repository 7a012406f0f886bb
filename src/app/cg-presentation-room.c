/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-presentation"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-presentation-room.h"

/* The code's side as a multiple of the base text: 16 x 30 px = 480 px on
 * a 1080-line screen, 37 modules of 12 px for a usual join URL. */
#define QR_SIDE_IN_BASE 16

char *
cg_presentation_room_answered_text (guint answered,
                                    guint total)
{
  /* Translators: partners who have answered on this stage, of all
   * partners; the verb agrees with the first number ("1 of 8 has"). */
  return g_strdup_printf (ngettext ("%u of %u has answered", "%u of %u have answered", answered),
                          answered, total);
}

static gboolean
is_capture_stage (CgStage stage)
{
  return CG_STAGE_IS_LESSON (stage) || stage == CG_STAGE_AIMS || stage == CG_STAGE_ROLES;
}

static void
show_join (CgPresentationRoom *pr,
           int                 base_px)
{
  const char *url = cg_room_get_url (pr->room);
  g_autofree char *key = cg_room_format_key (cg_room_get_key (pr->room));
  g_autofree char *key_text = g_strdup_printf (_("Room key: %s"), key);
  guint module;

  cg_qr_widget_set_text (pr->join_qr, url);
  /* The module size is set by the code's extent: a longer URL (IPv6) has
   * more modules, each no smaller than the floor. */
  module = (guint) (base_px * QR_SIDE_IN_BASE) / MAX (1, cg_qr_widget_get_extent (pr->join_qr));
  module = MAX (CG_PRESENTATION_QR_MIN_MODULE, module);
  cg_qr_widget_set_module_size (pr->join_qr, module);
  gtk_label_set_text (pr->join_url_label, url);
  gtk_label_set_text (pr->join_key_label, key_text);
}

void
cg_presentation_room_update (CgPresentationRoom *pr,
                             CgSession          *session,
                             CgStage             stage,
                             int                 base_px)
{
  gboolean open, show_count = FALSE, show_qr = FALSE;
  guint answered = 0;

  g_return_if_fail (pr != NULL);

  open = pr->room != NULL && session != NULL && cg_room_is_open (pr->room) &&
         cg_room_get_url (pr->room) != NULL;
  if (open && is_capture_stage (stage))
    answered = cg_session_count_answered_partners (session, cg_stage_to_string (stage));
  if (open && stage != CG_STAGE_REVIEW && stage != CG_STAGE_CHARTER)
    {
      show_count = answered > 0;
      show_qr = answered == 0;
    }

  if (show_count)
    {
      g_autofree char *text =
        cg_presentation_room_answered_text (answered, cg_session_get_n_partners (session));

      gtk_label_set_text (pr->answered_label, text);
    }
  if (show_qr)
    show_join (pr, base_px);
  else
    cg_qr_widget_set_text (pr->join_qr, NULL);
  gtk_widget_set_visible (GTK_WIDGET (pr->answered_label), show_count);
  gtk_widget_set_visible (pr->join_box, show_qr);
}

void
cg_presentation_room_clear (CgPresentationRoom *pr)
{
  g_return_if_fail (pr != NULL);

  g_clear_object (&pr->room);
}

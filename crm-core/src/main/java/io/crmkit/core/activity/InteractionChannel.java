package io.crmkit.core.activity;

/** The channel an interaction happened on. */
public enum InteractionChannel {
  PHONE,
  EMAIL,
  CHAT,
  SMS,
  MEETING,
  SOCIAL,
  WEB_VISIT,
  APP_VISIT,
  LETTER,
  OTHER
}

/** placeholder */ package org.roster.connector.okta;

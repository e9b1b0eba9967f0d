/** placeholder */ package org.roster.connector.azure;
